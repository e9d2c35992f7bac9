package io.leasebridge.salesforce;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BulkCsvTest {

    @Test
    void aNullClearsItsFieldAsHashNaAndARecordWithoutAColumnLeavesItEmptySoUnchanged() {
        Map<String, Object> reversal = new LinkedHashMap<>();
        reversal.put("LeaseWorks_Payment_Id__c", "P-2");
        reversal.put("Amount__c", new BigDecimal("-450.00"));
        reversal.put("Method__c", null);
        reversal.put("Lease__r", Map.of("LeaseWorks_Lease_Id__c", "L-1"));
        Map<String, Object> unlinked = new LinkedHashMap<>();
        unlinked.put("LeaseWorks_Payment_Id__c", "P-3");
        unlinked.put("Lease__r", null);

        String csv = new String(BulkCsv.write(List.of(reversal, unlinked), fields -> fields, 0), StandardCharsets.UTF_8);

        // a value starting with # is quoted (CSV readers take # as a comment mark); the value read is #N/A
        assertThat(csv.split("\n")).containsExactly(
                "LeaseWorks_Payment_Id__c,Amount__c,Method__c,Lease__r.LeaseWorks_Lease_Id__c,Lease__c",
                "P-2,-450.00,\"#N/A\",L-1,",
                "P-3,,,,\"#N/A\"");
    }

    @Test
    void eachRowIsReadIntoItsFieldsOnlyWhenItIsWrittenSoALargeJobNeverHoldsThemAll() {
        List<String> rows = List.of("P-1", "P-2");
        List<String> read = new java.util.ArrayList<>();

        String csv = new String(BulkCsv.write(rows, id -> {
            read.add(id);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("LeaseWorks_Payment_Id__c", id);
            fields.put(id.equals("P-2") ? "Method__c" : "Amount__c", id.equals("P-2") ? "ACH" : new BigDecimal("10.50"));
            return fields;
        }, 0), StandardCharsets.UTF_8);

        assertThat(csv.split("\n")).containsExactly("LeaseWorks_Payment_Id__c,Amount__c,Method__c", "P-1,10.50,", "P-2,,ACH");
        assertThat(read).as("once for the header, once for the line").containsExactly("P-1", "P-2", "P-1", "P-2");
    }

    @Test
    void aResultCsvIsReadByItsExternalIdKeepingOnlyWhatIsAsked() {
        String results = """
                "sf__Id","sf__Created",LeaseWorks_Payment_Id__c,Amount__c
                "a0B5f00000P0001AAA","true",P-1,10.50
                "a0B5f00000P0002AAA","false",P-2,"1,200.00"
                """;

        assertThat(BulkCsv.byColumn(results, "LeaseWorks_Payment_Id__c", row -> row.get("sf__Id")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("P-1", "a0B5f00000P0001AAA", "P-2", "a0B5f00000P0002AAA"));
        assertThat(BulkCsv.byColumn("", "LeaseWorks_Payment_Id__c", row -> row.get("sf__Id"))).isEmpty();
    }
}
