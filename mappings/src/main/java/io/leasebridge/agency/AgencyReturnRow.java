package io.leasebridge.agency;

import io.leasebridge.model.MaxLength;
import io.leasebridge.model.Numeric;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of an agency's return file: what the agency did with a placement on one day. A row may carry a payment it
 * collected, a status it reports (a closure, a recall acknowledged) and the result of a contact with the lessee.
 *
 * @param placementId     the placement the row is about, as its placement file carried it
 * @param reportedOn      the day the agency reports for
 * @param status          the agency's status of the account in its own words, e.g. ACTIVE, CLOSED
 * @param amountCollected what the agency collected that day; zero when nothing
 * @param contactedOn     the day of its last contact, or null
 * @param contactResult   how that contact went, in the agency's words, or null
 */
public record AgencyReturnRow(@MaxLength(80) String placementId, LocalDate reportedOn, @MaxLength(40) String status,
                              @Numeric(precision = 14, scale = 2) BigDecimal amountCollected, LocalDate contactedOn,
                              @MaxLength(255) String contactResult) {

    /** The fields a return file's columns may name, by the names {@code config/mappings/agencies.yml} uses. */
    public static final java.util.Map<String, String> FIELDS = java.util.Map.of(
            "placement-id", "placementId", "reported-on", "reportedOn", "status", "status",
            "amount-collected", "amountCollected", "contacted-on", "contactedOn", "contact-result", "contactResult");

    /** Without these a row says nothing the placement can take: it is quarantined. */
    public static final java.util.Set<String> REQUIRED = java.util.Set.of("placementId", "reportedOn", "status", "amountCollected");
}
