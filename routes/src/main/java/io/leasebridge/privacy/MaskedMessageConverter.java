package io.leasebridge.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message with personal data and secrets masked: {@code %maskedMsg} in {@code logback-spring.xml}, which also
 * maps {@code %m}, {@code %msg} and {@code %message} here, so that a pattern set with {@code logging.pattern.console}
 * masks too. Personal fields beyond {@link PersonalDataMasker#DEFAULT_PERSONAL_FIELDS} come from the logging context
 * property {@code LEASEBRIDGE_MASKED_FIELDS}, set from {@code leasebridge.privacy.masked-fields}.
 */
public class MaskedMessageConverter extends MessageConverter {

    private PersonalDataMasker masker = PersonalDataMasker.standard();

    @Override
    public void start() {
        masker = LogMasking.masker(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        return masker.mask(event.getFormattedMessage());
    }
}
