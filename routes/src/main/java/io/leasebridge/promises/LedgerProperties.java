package io.leasebridge.promises;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

/**
 * The promise ledger's rules and who gets its tasks.
 *
 * @param graceDays       days after the promised date that payments still count; the promise is judged then
 * @param tolerance       how much short of the promised amount still counts as kept
 * @param zone            the lessor's time zone (what day a promise was made, what "today" is)
 * @param collectorOwners LeaseWorks collector code -> Salesforce user id that owns their tasks
 * @param fallbackOwner   the Salesforce queue (or user) that gets the tasks of an unmapped collector
 * @param reversalWindowDays days after a promise's deadline within which a reversal (NSF, ACH return) still
 *                        revises its verdict
 * @param judgeAfter      how long after the end of a promise's deadline day (in {@code zone}) it is judged even though
 *                        no payments export has yet shown that whole day; the run summary lists those promises
 * @param paymentsExport  the LeaseWorks export whose files carry payments: a file of it dated after a deadline has
 *                        shown every payment of the deadline day
 */
@Validated
@ConfigurationProperties("leasebridge.ledger")
public record LedgerProperties(
        @DefaultValue("2") @Min(0) int graceDays,
        @DefaultValue("1.00") @NotNull @DecimalMin("0.00") BigDecimal tolerance,
        @DefaultValue("America/Chicago") @NotNull ZoneId zone,
        @DefaultValue Map<String, String> collectorOwners,
        @NotBlank String fallbackOwner,
        @DefaultValue("30") @Min(0) int reversalWindowDays,
        @DefaultValue("9h") @NotNull Duration judgeAfter,
        @DefaultValue("payments") @NotBlank String paymentsExport) {
}
