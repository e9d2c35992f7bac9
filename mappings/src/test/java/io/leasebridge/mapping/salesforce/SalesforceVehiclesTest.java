package io.leasebridge.mapping.salesforce;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceVehiclesTest {

    @Test
    void aVehicleRecordIsReadWithItsLeaseThroughTheRelationship() {
        SalesforceVehicles.Read read = SalesforceVehicles.read(record("1FTFW1ET9DFC10312"));

        assertThat(read).isInstanceOf(SalesforceVehicles.Read.Mapped.class);
        var vehicle = ((SalesforceVehicles.Read.Mapped) read).vehicle();
        assertThat(vehicle.vin()).isEqualTo("1FTFW1ET9DFC10312");
        assertThat(vehicle.leaseId()).isEqualTo("L-1001");
        assertThat(vehicle.modelYear()).isEqualTo(2013);
        assertThat(vehicle.marketValue()).isEqualByComparingTo("14250.00");
        assertThat(vehicle.gpsProvider()).isEqualTo("PASSTIME");
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheRecordAndTheField() {
        SalesforceVehicles.Read read = SalesforceVehicles.read(record("1FTFW1ET8DFC10312"));

        assertThat(read).isInstanceOf(SalesforceVehicles.Read.Refused.class);
        var refused = (SalesforceVehicles.Read.Refused) read;
        assertThat(refused.recordId()).isEqualTo("a05D000000Pq1AAAAZ");
        assertThat(refused.field()).isEqualTo("VIN__c");
        assertThat(refused.reason()).startsWith("Vehicle__c a05D000000Pq1AAAAZ, VIN__c:").contains("check digit '8'", "'9'");
    }

    @Test
    void aShortVinAndAFractionalYearAreRefused() {
        assertThat(SalesforceVehicles.read(record("1FTFW1ET9DFC1031"))).isInstanceOf(SalesforceVehicles.Read.Refused.class);

        Map<String, Object> record = record("1FTFW1ET9DFC10312");
        record.put("Model_Year__c", new BigDecimal("2013.5"));
        var refused = (SalesforceVehicles.Read.Refused) SalesforceVehicles.read(record);
        assertThat(refused.field()).isEqualTo("Model_Year__c");
    }

    @Test
    void theTitleIsReadWithItsStatusAndDates() {
        Map<String, Object> record = record("1FTFW1ET9DFC10312");
        record.put("Title_Status__c", "RECEIVED");
        record.put("Title_Requested_Date__c", "2026-11-02");
        record.put("Title_Received_Date__c", "2026-11-16");

        var vehicle = ((SalesforceVehicles.Read.Mapped) SalesforceVehicles.read(record)).vehicle();

        assertThat(vehicle.titleStatus()).isEqualTo("RECEIVED");
        assertThat(vehicle.titleRequestedDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(vehicle.titleReceivedDate()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(vehicle.titleTransferredDate()).isNull();
    }

    @Test
    void aTitleDateThatIsNoDateIsRefusedNamingTheRecordAndTheField() {
        Map<String, Object> record = record("1FTFW1ET9DFC10312");
        record.put("Title_Received_Date__c", "16/11/2026");

        var refused = (SalesforceVehicles.Read.Refused) SalesforceVehicles.read(record);

        assertThat(refused.field()).isEqualTo("Title_Received_Date__c");
        assertThat(refused.reason()).isEqualTo("Vehicle__c a05D000000Pq1AAAAZ: Title_Received_Date__c '16/11/2026' is not a date");
    }

    private static Map<String, Object> record(String vin) {
        Map<String, Object> record = new HashMap<>();
        record.put("Id", "a05D000000Pq1AAAAZ");
        record.put("VIN__c", vin);
        record.put("Lease__r", Map.of("attributes", Map.of("type", "Lease__c"), "LeaseWorks_Lease_Id__c", "L-1001"));
        record.put("Model_Year__c", new BigDecimal("2013.0"));
        record.put("Make__c", "Ford");
        record.put("GPS_Provider__c", "PassTime");
        record.put("Market_Value__c", new BigDecimal("14250.0"));
        return record;
    }
}
