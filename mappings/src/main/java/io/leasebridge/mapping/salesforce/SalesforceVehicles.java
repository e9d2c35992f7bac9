package io.leasebridge.mapping.salesforce;

import io.leasebridge.mapping.vin.VinCheck;
import io.leasebridge.model.Vehicle;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.leasebridge.mapping.salesforce.SoqlValues.parentField;
import static io.leasebridge.mapping.salesforce.SoqlValues.text;

/** Salesforce {@code Vehicle__c} records, as a SOQL query returns them, read into canonical vehicles. */
public final class SalesforceVehicles {

    /** The fields a vehicle read asks for. */
    public static final List<String> FIELDS = List.of("Id", "VIN__c", "Lease__r.LeaseWorks_Lease_Id__c", "Model_Year__c",
            "Make__c", "Model__c", "Unit_Number__c", "GPS_Provider__c", "GPS_Device_Id__c", "Disposition__c",
            "Title_Status__c", "Market_Value__c", "Condition__c", "SystemModstamp");

    private SalesforceVehicles() {
    }

    /** A vehicle, or why the record cannot be one (naming the record id and the field). */
    public sealed interface Read permits Read.Mapped, Read.Refused {
        record Mapped(Vehicle vehicle) implements Read {
        }

        record Refused(String recordId, String vin, String field, String reason) implements Read {
        }
    }

    public static Read read(Map<String, Object> record) {
        String id = text(record.get("Id"));
        VinCheck vin = VinCheck.check(text(record.get("VIN__c")));
        if (!vin.isValid()) {
            return new Read.Refused(id, text(record.get("VIN__c")), "VIN__c",
                    "Vehicle__c " + id + ", VIN__c: " + vin.problem().orElse("not a valid VIN"));
        }
        Integer year;
        BigDecimal marketValue;
        try {
            year = record.get("Model_Year__c") == null ? null : new BigDecimal(String.valueOf(record.get("Model_Year__c"))).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return new Read.Refused(id, vin.vin(), "Model_Year__c",
                    "Vehicle__c " + id + ": Model_Year__c '" + record.get("Model_Year__c") + "' is not a year");
        }
        try {
            marketValue = record.get("Market_Value__c") == null ? null
                    : new BigDecimal(String.valueOf(record.get("Market_Value__c"))).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return new Read.Refused(id, vin.vin(), "Market_Value__c",
                    "Vehicle__c " + id + ": Market_Value__c '" + record.get("Market_Value__c") + "' is not an amount");
        }
        String provider = text(record.get("GPS_Provider__c"));
        return new Read.Mapped(new Vehicle(vin.vin(), id, parentField(record, "Lease__r", "LeaseWorks_Lease_Id__c"),
                year, text(record.get("Make__c")), text(record.get("Model__c")), text(record.get("Unit_Number__c")),
                provider == null ? null : provider.toUpperCase(Locale.ROOT), text(record.get("GPS_Device_Id__c")),
                text(record.get("Disposition__c")), text(record.get("Title_Status__c")), marketValue,
                text(record.get("Condition__c"))));
    }
}
