package io.leasebridge.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full sandbox sync logs no personal data and no secret: every line the JVM writes while LeaseBridge runs (its logs
 * through the application's own {@code logback-spring.xml}, camel-salesforce's, Spring's, and the run summary on
 * standard out) is captured, and none holds a generated SSN, driver's licence number, phone number or e-mail address,
 * (nor a customer's name or street address), the Salesforce password or client secret the sandbox logs in with, or an
 * access token the simulated org issued.
 *
 * <p>The forbidden values are read from the generated export files with Commons CSV, not through LeaseBridge. The
 * session is ended once right after the first login, so the re-login camel-salesforce does on a 401 is logged too.
 * A second, smaller sync runs with camel-salesforce and LeaseBridge at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyLogTest {

    /** The application's log configuration, not the module's logback-test.xml, which logs less and masks nothing. */
    private static final String APPLICATION_LOGGING = "--logging.config=classpath:logback-spring.xml";
    /** The personal columns of the accounts export: the shipped field map's names, and the two it never maps. */
    private static final List<String> PHONE_COLUMNS = List.of("Home Phone", "Mobile Phone");

    /** The tests after this one in the JVM log as the module's logback-test.xml says again. */
    @AfterAll
    static void restoreTheModulesLogConfiguration() throws JoranException {
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        logback.reset();
        new ContextInitializer(logback).autoConfig();
    }

    @Test
    void aFullSyncLogsNoPersonalDataAndNoSecret(CapturedOutput output) throws Exception {
        Forbidden forbidden = new Forbidden();

        sync(forbidden, 300, 20261127L);
        sync(forbidden, 40, 7L, "--logging.level.org.apache.camel.component.salesforce=DEBUG",
                "--logging.level.io.leasebridge=DEBUG");

        String all = output.getAll();
        assertThat(all).as("the capture sees LeaseBridge's log lines, formatted by logback-spring.xml")
                .containsPattern("(?m)^\\S+\\s+INFO \\d+ --- \\[leasebridge\\] \\[.*\\] \\S+\\s+: leaseworks-accounts: accounts_\\d{8}\\.csv done")
                .containsPattern("(?m)^\\S+\\s+INFO .* : Login successful$")
                .containsPattern("(?m)^\\S+\\s+DEBUG .* : Created login configuration: ");
        assertThat(all).as("the masker is in that path: the integration user's e-mail address is masked")
                .contains("userName='****@sandbox.leasebridge.io'");
        assertThat(forbidden.ssns).hasSizeGreaterThan(300);
        assertThat(forbidden.licences).hasSizeGreaterThan(300);
        assertThat(forbidden.phones).hasSizeGreaterThan(300);
        assertThat(forbidden.emails).hasSizeGreaterThan(200);
        assertThat(forbidden.namesAndAddresses).hasSizeGreaterThan(400);
        assertThat(forbidden.secrets).hasSizeGreaterThanOrEqualTo(2 + 3);

        assertThat(forbidden.foundIn(all)).as("log lines with personal data or a secret").isEmpty();
    }

    private static void sync(Forbidden forbidden, int accounts, long seed, String... logging) throws IOException {
        Path home = Files.createTempDirectory("sandbox-privacy");
        // the request journal is on, so the tokens the org issued can be read back from its answers
        SalesforceSimulator salesforce = SalesforceSimulator.start(0);
        try (Sandbox sandbox = Sandbox.around(salesforce, new SandboxOptions(home, accounts, seed, false))) {
            sandbox.generateExports().orElseThrow();
            forbidden.readExports(sandbox.options().inbox());
            forbidden.readArguments(sandbox.runOnceArguments());
            Thread sessionExpiry = expireTheSessionAfterTheFirstLogin(salesforce);

            List<String> arguments = new ArrayList<>(List.of(APPLICATION_LOGGING));
            arguments.addAll(List.of(logging));
            int exitCode = sandbox.runOnce(arguments.toArray(String[]::new));

            sessionExpiry.interrupt();
            assertThat(exitCode).isZero();
            assertThat(salesforce.loginCalls()).as("logged in, then again after the session expired").isGreaterThanOrEqualTo(2);
            assertThat(salesforce.records("Account")).isNotEmpty();
            forbidden.readTokens(salesforce.wireMock().getAllServeEvents());
        }
    }

    private static Thread expireTheSessionAfterTheFirstLogin(SalesforceSimulator salesforce) {
        Thread expiry = new Thread(() -> {
            try {
                while (salesforce.loginCalls() < 1) {
                    Thread.sleep(20);
                }
                // the login answer is on its way; the data calls come after the exports are read
                Thread.sleep(200);
                salesforce.expireSessionOnce();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "expire-salesforce-session");
        expiry.setDaemon(true);
        expiry.start();
        return expiry;
    }

    /** What no log line may hold, and where it was found. */
    private static final class Forbidden {

        final Set<String> ssns = new LinkedHashSet<>();
        final Set<String> licences = new LinkedHashSet<>();
        final Set<String> phones = new LinkedHashSet<>();
        final Set<String> emails = new LinkedHashSet<>();
        final Set<String> namesAndAddresses = new LinkedHashSet<>();
        final Set<String> secrets = new LinkedHashSet<>();
        /** The same numbers as bare digits, in case something logs them reformatted (a phone as +13125550100). */
        final Map<String, String> digits = new LinkedHashMap<>();

        void readExports(Path inbox) throws IOException {
            List<Path> accountFiles;
            try (Stream<Path> files = Files.list(inbox)) {
                accountFiles = files.filter(f -> f.getFileName().toString().matches("accounts_\\d{8}\\.csv")).toList();
            }
            assertThat(accountFiles).isNotEmpty();
            for (Path file : accountFiles) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                     CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                    assertThat(csv.getHeaderNames()).contains("SSN", "Driver License", "Email", "Home Phone", "Mobile Phone",
                            "Customer Name", "Address Line 1");
                    for (CSVRecord row : csv) {
                        add(ssns, row.get("SSN"), 9);
                        add(licences, row.get("Driver License"), 9);
                        add(emails, row.get("Email"), 0);
                        add(namesAndAddresses, row.get("Customer Name"), 0);
                        add(namesAndAddresses, row.get("Address Line 1"), 0);
                        for (String column : PHONE_COLUMNS) {
                            add(phones, row.get(column), 10);
                        }
                    }
                }
            }
        }

        void readArguments(List<String> arguments) {
            for (String argument : arguments) {
                if (argument.startsWith("--camel.component.salesforce.password=")
                        || argument.startsWith("--camel.component.salesforce.client-secret=")) {
                    secrets.add(argument.substring(argument.indexOf('=') + 1));
                }
            }
        }

        void readTokens(List<ServeEvent> served) throws IOException {
            ObjectMapper json = new ObjectMapper();
            int tokens = 0;
            for (ServeEvent event : served) {
                if (event.getRequest().getUrl().startsWith("/services/oauth2/token") && event.getResponse().getStatus() == 200) {
                    JsonNode answer = json.readTree(event.getResponse().getBodyAsString());
                    String token = answer.path("access_token").asText();
                    secrets.add(token);
                    // the session part alone, in case something prints the token without its org id
                    secrets.add(token.substring(token.indexOf('!') + 1));
                    tokens++;
                }
            }
            assertThat(tokens).as("access tokens the org issued").isGreaterThanOrEqualTo(2);
        }

        private void add(Set<String> values, String value, int digitsAtLeast) {
            if (value == null || value.isBlank()) {
                return;
            }
            values.add(value.strip());
            String bare = value.replaceAll("[^0-9A-Za-z]", "");
            if (digitsAtLeast > 0 && bare.length() >= digitsAtLeast && !bare.equals(value.strip())) {
                digits.put(bare, value.strip());
            }
        }

        /** Each line of {@code output} that holds a forbidden value, with the value. */
        List<String> foundIn(String output) {
            List<String> found = new ArrayList<>();
            String lowerCase = output.toLowerCase(Locale.ROOT);
            for (Set<String> values : List.of(ssns, licences, phones, namesAndAddresses, secrets)) {
                for (String value : values) {
                    report(output, output.indexOf(value), value, found);
                }
            }
            for (String email : emails) {
                report(output, lowerCase.indexOf(email.toLowerCase(Locale.ROOT)), email, found);
            }
            // numbers written without their separators: whole runs of digits (and letters, for licences) only
            Matcher run = Pattern.compile("[0-9A-Za-z]+").matcher(output);
            while (run.find()) {
                String token = run.group();
                String key = digits.containsKey(token) ? token
                        : token.length() == 11 && token.startsWith("1") && digits.containsKey(token.substring(1)) ? token.substring(1) : null;
                if (key != null) {
                    report(output, run.start(), digits.get(key) + " as " + token, found);
                }
            }
            return found;
        }

        private static void report(String output, int at, String what, List<String> found) {
            if (at < 0) {
                return;
            }
            int start = output.lastIndexOf('\n', at) + 1;
            int end = output.indexOf('\n', at);
            found.add(what + " in: " + output.substring(start, end < 0 ? output.length() : end));
        }
    }
}
