package io.leasebridge.repo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The order to a repossession agent, from live data: what the rep used to type by hand. Pure: the hub
 * supplies the facts, this renders the text that is emailed and attached to the Case.
 *
 * @param caseNumber     the Salesforce Case number
 * @param orderDate      the day the case entered ORDERED
 * @param repoType       voluntary surrender or involuntary repossession
 * @param leaseId        the LeaseWorks contract
 * @param lessee         the customer's name
 * @param daysPastDue    from the last LeaseWorks export
 * @param paymentsMade   from the last LeaseWorks export
 * @param vehicle        year, make, model; VIN and unit number
 * @param garaging       where the vehicle is kept: the lease's garaging address, else the customer's
 * @param gps            the last GPS fix, or none
 */
public record RepoOrder(
        String caseNumber,
        LocalDate orderDate,
        RepoType repoType,
        String leaseId,
        String lessee,
        int daysPastDue,
        int paymentsMade,
        VehicleDescription vehicle,
        String garaging,
        GpsStatus gps) {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    public RepoOrder {
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(orderDate, "orderDate");
        Objects.requireNonNull(repoType, "repoType");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(gps, "gps");
    }

    public record VehicleDescription(String vin, Integer modelYear, String make, String model, String unitNumber) {
        String describe() {
            StringJoiner name = new StringJoiner(" ");
            if (modelYear != null) {
                name.add(modelYear.toString());
            }
            if (make != null) {
                name.add(make);
            }
            if (model != null) {
                name.add(model);
            }
            String described = name.length() == 0 ? "vehicle" : name.toString();
            return described + ", VIN " + vin + (unitNumber == null ? "" : ", unit " + unitNumber);
        }
    }

    /** The vehicle's last GPS fix as LeaseBridge holds it; {@link #none()} when it has no GPS data. */
    public record GpsStatus(String status, java.math.BigDecimal latitude, java.math.BigDecimal longitude, Instant locatedAt) {

        public static GpsStatus none() {
            return new GpsStatus(null, null, null, null);
        }

        public boolean known() {
            return locatedAt != null;
        }

        String describe(Instant now) {
            if (!known()) {
                return "no GPS data";
            }
            return status + ", last located at " + latitude.toPlainString() + ", " + longitude.toPlainString() + " on "
                    + locatedAt + " (" + age(Duration.between(locatedAt, now)) + " before this order)";
        }

        private static String age(Duration age) {
            if (age.isNegative()) {
                return "0 minutes";
            }
            long hours = age.toHours();
            if (hours >= 48) {
                return hours / 24 + " days";
            }
            return hours >= 1 ? hours + " hours" : age.toMinutes() + " minutes";
        }
    }

    public String subject() {
        return "Repossession order, case " + caseNumber + ": " + vehicle.describe();
    }

    /** The order as the agent reads it; {@code now} dates the age of the GPS fix. */
    public String text(Instant now) {
        return String.join("\n",
                "REPOSSESSION ORDER",
                "Case: " + caseNumber,
                "Order date: " + DATE.format(orderDate),
                "Repo type: " + (repoType == RepoType.VOLUNTARY ? "Voluntary" : "Involuntary"),
                "Lease: " + leaseId,
                "Lessee: " + (lessee == null ? "(unknown)" : lessee),
                "Vehicle: " + vehicle.describe(),
                "Garaging address: " + (garaging == null ? "(not on file)" : garaging),
                "Days past due: " + daysPastDue,
                "Payments made: " + paymentsMade,
                "GPS status: " + gps.describe(now),
                "");
    }
}
