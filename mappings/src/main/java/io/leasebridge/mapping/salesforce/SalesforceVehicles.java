package io.leasebridge.mapping.salesforce;

import io.leasebridge.mapping.ValueInReason;
import io.leasebridge.mapping.vin.VinCheck;
import io.leasebridge.model.Vehicle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
            "Title_Status__c", "Market_Value__c", "Condition__c", "Title_Requested_Date__c", "Title_Received_Date__c",
            "Title_Transferred_Date__c", "SystemModstamp");

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
                    "Vehicle__c " + id + ": Model_Year__c " + quoted(record.get("Model_Year__c")) + " is not a year");
        }
        try {
            marketValue = record.get("Market_Value__c") == null ? null
                    : new BigDecimal(String.valueOf(record.get("Market_Value__c"))).setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return new Read.Refused(id, vin.vin(), "Market_Value__c",
                    "Vehicle__c " + id + ": Market_Value__c " + quoted(record.get("Market_Value__c")) + " is not an amount");
        }
        for (String field : List.of("Title_Requested_Date__c", "Title_Received_Date__c", "Title_Transferred_Date__c")) {
            if (record.get(field) != null && date(record.get(field)) == null) {
                return new Read.Refused(id, vin.vin(), field, "Vehicle__c " + id + ": " + field + " " + quoted(record.get(field)) + " is not a date");
            }
        }
        String provider = text(record.get("GPS_Provider__c"));
        return new Read.Mapped(new Vehicle(vin.vin(), id, parentField(record, "Lease__r", "LeaseWorks_Lease_Id__c"),
                year, text(record.get("Make__c")), text(record.get("Model__c")), text(record.get("Unit_Number__c")),
                provider == null ? null : provider.toUpperCase(Locale.ROOT), text(record.get("GPS_Device_Id__c")),
                text(record.get("Disposition__c")), text(record.get("Title_Status__c")), marketValue,
                text(record.get("Condition__c")), date(record.get("Title_Requested_Date__c")),
                date(record.get("Title_Received_Date__c")), date(record.get("Title_Transferred_Date__c"))));
    }

    /** A Salesforce date ({@code 2026-11-28}), {@code null} when empty or not a date. */
    private static LocalDate date(Object value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String quoted(Object value) {
        return ValueInReason.quoted(String.valueOf(value));
    }
}
