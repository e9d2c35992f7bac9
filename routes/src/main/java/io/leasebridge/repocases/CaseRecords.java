package io.leasebridge.repocases;

import io.leasebridge.repo.RepoFacts;
import io.leasebridge.repo.RepoType;
import io.leasebridge.salesforce.SalesforceChangeReader;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.leasebridge.mapping.salesforce.SoqlValues.parentField;
import static io.leasebridge.mapping.salesforce.SoqlValues.text;

/** Reads repossession Cases and their status history as SOQL returns them. */
final class CaseRecords {

    static final List<String> CASE_FIELDS = List.of("Id", "CaseNumber", "Repo_Status__c", "Repo_Type__c",
            "Repo_Agent_Name__c", "Repo_Agent_Email__c", "Repo_Agent_Fee__c", "Title_Verified__c", "Sale_Price__c",
            "Sale_Date__c", "Buyer__c", "Drop_Off_Date__c", "Drop_Off_Location__c", "Reinstatement_Reason__c",
            "Inventory_Override_Reason__c", "Vehicle__r.VIN__c", "LastModifiedBy.Name", "SystemModstamp",
            "Vehicle__r.Title_Status__c");
    static final String STATUS_FIELD = "Repo_Status__c";

    private CaseRecords() {
    }

    static CaseRead caseRead(Map<String, Object> r) {
        RepoFacts facts = new RepoFacts(repoType(text(r.get("Repo_Type__c"))), text(r.get("Repo_Agent_Email__c")),
                Boolean.TRUE.equals(r.get("Title_Verified__c")) || "true".equalsIgnoreCase(text(r.get("Title_Verified__c"))),
                amount(r.get("Sale_Price__c")), date(r.get("Sale_Date__c")), text(r.get("Buyer__c")),
                date(r.get("Drop_Off_Date__c")), text(r.get("Drop_Off_Location__c")), text(r.get("Reinstatement_Reason__c")),
                null, List.of(), text(r.get("Inventory_Override_Reason__c")), parentField(r, "Vehicle__r", "Title_Status__c"));
        return new CaseRead(text(r.get("Id")), text(r.get("CaseNumber")), text(r.get("Repo_Status__c")),
                parentField(r, "Vehicle__r", "VIN__c"), facts, text(r.get("Repo_Agent_Name__c")), amount(r.get("Repo_Agent_Fee__c")),
                SalesforceChangeReader.instant(String.valueOf(r.get("SystemModstamp"))), parentField(r, "LastModifiedBy", "Name"));
    }

    static StatusChange statusChange(Map<String, Object> r) {
        return new StatusChange(text(r.get("Id")), text(r.get("OldValue")), text(r.get("NewValue")),
                SalesforceChangeReader.instant(String.valueOf(r.get("CreatedDate"))), parentField(r, "CreatedBy", "Name"));
    }

    /** {@code Voluntary}, {@code INVOLUNTARY}, ...; anything else counts as not filled in. */
    private static RepoType repoType(String value) {
        if (value == null) {
            return null;
        }
        try {
            return RepoType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static BigDecimal amount(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value)).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(String.valueOf(value));
    }
}
