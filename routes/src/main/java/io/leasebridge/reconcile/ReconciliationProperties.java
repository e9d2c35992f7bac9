package io.leasebridge.reconcile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * The reconciliation that asks each target what it holds now and sets it against the hub.
 *
 * @param days       how many days back the per-day figures go (today included)
 * @param listBelow  a slice of at most this many external ids is listed record by record; a larger one whose figures
 *                   differ is halved and counted again (Salesforce answers at most 2000 records a page)
 * @param salesforce the Salesforce objects reconciled, each with the money field summed and the date field it is
 *                   compared by per day (both optional)
 */
@Validated
@ConfigurationProperties("leasebridge.reconciliation")
public record ReconciliationProperties(
        @DefaultValue("7") @Min(1) @Max(366) int days,
        @DefaultValue("200") @Min(1) @Max(2000) int listBelow,
        @NotNull List<@Valid SalesforceObject> salesforce) {

    /**
     * @param object      the API name, e.g. {@code Payment__c}: an object LeaseBridge writes by external id
     * @param amountField e.g. {@code Amount__c}
     * @param dayField    e.g. {@code Received_Date__c}
     * @param export      the LeaseWorks export its records come from, e.g. {@code payments}: its quarantined rows are
     *                    counted beside the object (optional)
     * @param exportTotal the export's control total set against {@code amountField}, e.g. {@code payment.amount}:
     *                    the export's figures become the LeaseWorks column, per day with a {@code dayField}, else the
     *                    latest file's (optional; needs {@code export})
     */
    public record SalesforceObject(@NotBlank String object, String amountField, String dayField, String export,
                                   String exportTotal) {
    }
}
