package io.leasebridge.repocases;

import io.leasebridge.repo.RecoveryCost;
import io.leasebridge.repo.RecoveryCostType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.leasebridge.mapping.salesforce.SoqlValues.text;

/** Reads the Recovery_Cost__c records reps enter, as SOQL returns them, naming each field that cannot be billed. */
final class RecoveryCostRecords {

    static final List<String> FIELDS = List.of("Id", "Name", "Case__c", "Type__c", "Vendor__c", "Amount__c", "Cost_Date__c",
            "Invoice_Number__c", "SystemModstamp");
    /** Costs LeaseBridge wrote itself carry its key; they are read from the hub, not back from Salesforce. */
    static final String ENTERED_BY_REPS = "LeaseBridge_Cost_Key__c = null";

    /** A cost as entered, or why it cannot be taken: the fields at fault and what is wrong with each. */
    record Read(String id, String caseId, RecoveryCost cost, List<String> fields, List<String> problems) {

        boolean valid() {
            return problems.isEmpty();
        }

        String reason() {
            return "Recovery_Cost__c " + id + ": " + String.join("; ", problems);
        }
    }

    private RecoveryCostRecords() {
    }

    static Read read(Map<String, Object> r) {
        String id = text(r.get("Id"));
        List<String> fields = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String caseId = text(r.get("Case__c"));
        if (caseId == null) {
            fields.add("Case__c");
            problems.add("no Case (Case__c): a recovery cost belongs to a repossession case");
        }
        RecoveryCostType type = null;
        String typeText = text(r.get("Type__c"));
        try {
            type = typeText == null ? null : RecoveryCostType.valueOf(typeText);
        } catch (IllegalArgumentException e) {
            // left null: reported below
        }
        if (type == null) {
            fields.add("Type__c");
            problems.add("Type__c is " + (typeText == null ? "empty" : "'" + typeText + "'") + ", not one of "
                    + java.util.Arrays.toString(RecoveryCostType.values()));
        }
        String vendor = text(r.get("Vendor__c"));
        if (vendor == null) {
            fields.add("Vendor__c");
            problems.add("no vendor (Vendor__c): the Bill goes to a vendor");
        }
        BigDecimal amount = amount(r.get("Amount__c"));
        if (amount == null || amount.signum() <= 0) {
            fields.add("Amount__c");
            problems.add("Amount__c is " + (amount == null ? "empty" : amount.toPlainString()) + ", not an amount above zero");
        }
        LocalDate date = null;
        try {
            date = r.get("Cost_Date__c") == null ? null : LocalDate.parse(String.valueOf(r.get("Cost_Date__c")));
        } catch (DateTimeParseException e) {
            // left null: reported below
        }
        if (date == null) {
            fields.add("Cost_Date__c");
            problems.add("no invoice date (Cost_Date__c)");
        }
        RecoveryCost cost = problems.isEmpty()
                ? new RecoveryCost(type, vendor.strip(), amount, date, text(r.get("Invoice_Number__c")))
                : null;
        return new Read(id, caseId, cost, fields, problems);
    }

    private static BigDecimal amount(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value)).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
