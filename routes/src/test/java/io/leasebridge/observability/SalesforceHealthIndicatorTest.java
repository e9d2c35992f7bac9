package io.leasebridge.observability;

import io.leasebridge.salesforce.SalesforceApiUsage;
import io.leasebridge.status.SystemStatus;
import io.leasebridge.salesforce.ApiBudget;
import io.leasebridge.connectors.leaseworks.ExportFormatException;
import io.leasebridge.connectors.salesforce.CamelSalesforceErrors;
import io.leasebridge.connectors.salesforce.SalesforceCallException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the Salesforce health follows the calls: no Spring, no Camel. */
class SalesforceHealthIndicatorTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T14:00:00Z"));
    private final SystemStatus status = new SystemStatus(clock);
    private final SalesforceApiUsage apiUsage = new SalesforceApiUsage();
    private final SalesforceHealthIndicator indicator =
            new SalesforceHealthIndicator(status, apiUsage, new ObservabilityProperties(3, Duration.ofSeconds(5)),
                    new ApiBudget(apiUsage, 60));

    @Test
    void unknownBeforeTheFirstCallUpAfterOneDownAfterThreeFailuresInARowAndUpAgainAfterASuccess() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);

        status.salesforceCallSucceeded();
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        status.salesforceCallFailed(unavailable());
        status.salesforceCallFailed(unavailable());
        assertThat(indicator.health().getStatus()).as("two failures are not an outage yet").isEqualTo(Status.UP);
        clock.advance(Duration.ofMinutes(1));
        status.salesforceCallFailed(unavailable());

        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("consecutiveFailedCalls", 3)
                .containsEntry("lastError", "HTTP 503 SERVER_UNAVAILABLE")
                .containsEntry("lastErrorAt", "2026-11-27T14:01:00Z")
                .containsEntry("lastSuccessAt", "2026-11-27T14:00:00Z");

        status.salesforceCallSucceeded();
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getDetails()).containsEntry("consecutiveFailedCalls", 0);
    }

    @Test
    void aDrainThatGaveUpOnAnOutageIsDownEvenBeforeTheThresholdAndSaysSo() {
        status.salesforceCallSucceeded();
        status.salesforceCallFailed(read(new SalesforceException("connection reset", new ConnectException("Connection refused"))));
        status.salesforceDrainStopped(read(new SalesforceException("connection reset", new ConnectException("Connection refused"))));

        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("lastDrainStoppedOnOutage", true).containsEntry("lastError", "ConnectException");
    }

    @Test
    void refusedCredentialsAreOutOfServiceWhetherAtLogInOrOnACall() {
        status.salesforceCallFailed(read(new SalesforceException(List.of(new RestError("invalid_grant", "authentication failure")), 400)));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(indicator.health().getDetails()).containsEntry("lastError", "HTTP 400 invalid_grant");

        status.salesforceCallSucceeded();
        status.salesforceCallFailed(read(new SalesforceException("Unexpected error {401:Unauthorized}", 401)));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        status.salesforceDrainStopped(read(new SalesforceException("Unexpected error {401:Unauthorized}", 401)));
        assertThat(indicator.health().getDetails()).containsEntry("lastDrainStoppedOnOutage", false);
    }

    @Test
    void detailsCarryErrorKindsNeverMessages() {
        status.salesforceCallFailed(read(new SalesforceException(List.of(new RestError("FIELD_CUSTOM_VALIDATION_EXCEPTION",
                "Phone 312-555-0100 of Ada Lovelace is invalid")), 400)));
        status.exportFailed("accounts", "accounts_20261127.csv",
                new ExportFormatException("accounts_20261127.csv: not a readable CSV export: Ada Lovelace,123-45-6789"));
        status.exportFailed("payments", "payments_20261127.csv",
                new IllegalStateException("wrapped", new java.sql.SQLException("value 'Ada Lovelace' too long")));

        assertThat(indicator.health().getDetails().toString()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION")
                .doesNotContain("Ada", "312-555");
        assertThat(status.exports().get("accounts").lastError()).isEqualTo("UNREADABLE_EXPORT");
        assertThat(status.exports().get("payments").lastError()).isEqualTo("SQLException");
        assertThat(status.exports().toString()).doesNotContain("Ada", "123-45-6789");
    }

    @Test
    void apiUsageIsReadFromTheLimitHeaderAndShown() {
        apiUsage.record("api-usage=25/15000");
        assertThat(apiUsage.used()).isEqualTo(25);
        assertThat(apiUsage.limit()).isEqualTo(15000);

        apiUsage.record("per-app-api-usage=17/250(appName=sample-app); api-usage=140/15000");
        assertThat(apiUsage.used()).isEqualTo(140);
        apiUsage.record("per-app-api-usage=18/250(appName=sample-app)");
        apiUsage.record(null);
        assertThat(apiUsage.used()).as("an answer without api-usage changes nothing").isEqualTo(140);

        status.salesforceCallSucceeded();
        assertThat(indicator.health().getDetails()).containsEntry("apiRequestsUsed", 140L).containsEntry("apiRequestsLimit", 15000L);
    }

    /** What camel-salesforce raises, as the adapter hands it on. */
    private static SalesforceCallException read(SalesforceException raised) {
        return CamelSalesforceErrors.translate(raised);
    }

    private static SalesforceCallException unavailable() {
        return read(new SalesforceException(List.of(new RestError("SERVER_UNAVAILABLE", "Server temporarily unavailable")), 503));
    }

    /** Stands still until the test moves it. */
    private static final class MovableClock extends java.time.Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
