package io.leasebridge.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the hub knows of one lease that bears on its recovery risk, as of a day. The lists may come in any order.
 *
 * @param active         false once the lease has ended (paid off, closed): an ended lease carries no risk
 * @param dpdHistory     days past due as earlier accounts exports showed them
 * @param brokenPromises the lease's promises judged BROKEN, with the day of judgement
 * @param promisesDue    the lease's open promises and their promised days
 * @param openGpsAlerts  the GPS alerts open on the lease's vehicle, with the day each opened (lessor's zone)
 * @param gpsDisclosure  whether the customer signed the GPS disclosure; null when LeaseWorks did not say
 * @param contactBlocked the customer may be neither called nor texted
 */
public record RiskFacts(String leaseId, LocalDate asOf, boolean active, int daysPastDue, List<DpdReading> dpdHistory,
                        List<BrokenPromise> brokenPromises, List<PromiseDue> promisesDue, List<OpenAlert> openGpsAlerts,
                        Boolean gpsDisclosure, boolean contactBlocked) {

    public RiskFacts {
        dpdHistory = List.copyOf(dpdHistory);
        brokenPromises = List.copyOf(brokenPromises);
        promisesDue = List.copyOf(promisesDue);
        openGpsAlerts = List.copyOf(openGpsAlerts);
    }

    public record DpdReading(LocalDate asOf, int daysPastDue) {
    }

    public record BrokenPromise(String promiseId, LocalDate judgedOn) {
    }

    public record PromiseDue(String promiseId, BigDecimal amount, LocalDate promisedDate) {
    }

    /** @param type an {@code io.leasebridge.gps.rules.AlertType} name */
    public record OpenAlert(String type, LocalDate openedOn) {
    }
}
