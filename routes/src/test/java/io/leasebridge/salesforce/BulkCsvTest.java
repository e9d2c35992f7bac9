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

        String csv = new String(BulkCsv.write(List.of(reversal, unlinked)), StandardCharsets.UTF_8);

        // a value starting with # is quoted (CSV readers take # as a comment mark); the value read is #N/A
        assertThat(csv.split("\n")).containsExactly(
                "LeaseWorks_Payment_Id__c,Amount__c,Method__c,Lease__r.LeaseWorks_Lease_Id__c,Lease__c",
                "P-2,-450.00,\"#N/A\",L-1,",
                "P-3,,,,\"#N/A\"");
    }
}
