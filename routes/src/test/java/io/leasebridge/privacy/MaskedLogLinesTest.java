package io.leasebridge.privacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code logback-spring.xml} as Spring Boot loads it: Spring Boot's console line, message and exception masked,
 * fields from {@code leasebridge.privacy.masked-fields} masked too.
 */
@ExtendWith(OutputCaptureExtension.class)
class MaskedLogLinesTest {

    private static final Logger log = LoggerFactory.getLogger(MaskedLogLinesTest.class);

    private final LoggingSystem logging = LoggingSystem.get(MaskedLogLinesTest.class.getClassLoader());

    @BeforeEach
    void loadTheApplicationsLogConfiguration() {
        MockEnvironment environment = new MockEnvironment().withProperty("leasebridge.privacy.masked-fields", "coLessee, garagingAddress");
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml", null);
    }

    @AfterEach
    void cleanUp() {
        logging.cleanUp();
    }

    @Test
    void aMessageIsMaskedInSpringBootsConsoleLine(CapturedOutput output) {
        log.info("customer {} at {} paid by card 4242 4242 4242 4242, DL A123-4567-8901, password={}",
                "912-34-5678", "(312) 555-0100", "hunter2");

        String line = output.getOut().lines().filter(l -> l.contains(MaskedLogLinesTest.class.getSimpleName())).findFirst().orElseThrow();
        assertThat(line).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2})\\s+INFO \\d+ --- \\[.*\\] .*"
                + "i\\.l\\.privacy\\.MaskedLogLinesTest\\s+: .*");
        assertThat(line).endsWith(": customer ***-**-5678 at (***) ***-0100 paid by card ************4242, DL ****-****-8901, password=****");
    }

    @Test
    void anExceptionsMessagesAndCausesAreMasked(CapturedOutput output) {
        log.error("delivery to {} failed", "ann.lee@example.com", new IllegalStateException("refused for ssn 912-34-5678",
                new IOException("{\"access_token\":\"00D000000000001AAA!AQ3f9c0a1b2c3d4e5f60718293a4b5c6d7\"}")));

        assertThat(output.getOut()).contains("delivery to ****@example.com failed")
                .contains("java.lang.IllegalStateException: refused for ssn ***-**-5678")
                .contains("Caused by: java.io.IOException: {\"access_token\":\"****\"}")
                .contains("at io.leasebridge.privacy.MaskedLogLinesTest.anExceptionsMessagesAndCausesAreMasked(MaskedLogLinesTest.java:")
                .doesNotContain("912-34-5678").doesNotContain("ann.lee@").doesNotContain("AQ3f9c0a1b2c3d4e5f");
    }

    @Test
    void configuredPersonalFieldsAreMasked(CapturedOutput output) {
        log.info("lease L-000123: coLessee=Ann Lee, garagingAddress=\"12 Elm St, Chicago\", dpd=31");

        assertThat(output.getOut()).contains("lease L-000123: coLessee=****, garagingAddress=\"****\", dpd=31");
    }
}
