package io.leasebridge.promises;

import io.leasebridge.hub.LeaseAccounts;
import io.leasebridge.ledger.PromiseState;
import io.leasebridge.model.CollectorTask;
import io.leasebridge.model.GpsAlert;
import io.leasebridge.risk.RiskAssessment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tasks for collectors: owned by the collector concerned (who took a promise, the lease's for a GPS alert) through the configured collector -> Salesforce
 * user map; a collector missing from the map hands the task to the fallback queue, and is reported.
 */
@Component
public class CollectorTasks {

    private static final Logger log = LoggerFactory.getLogger(CollectorTasks.class);

    private final LeaseAccounts leases;
    private final Map<String, String> owners;
    private final String fallbackOwner;
    private final java.time.ZoneId zone;
    private final Set<String> unmappedCollectors = ConcurrentHashMap.newKeySet();

    public CollectorTasks(LeaseAccounts leases, LedgerProperties properties) {
        this.leases = leases;
        this.owners = properties.collectorOwners();
        this.fallbackOwner = properties.fallbackOwner();
        this.zone = properties.zone();
    }

    /**
     * The Task of a promise's {@code episode}-th broken verdict: the first is {@code BROKEN-<promise>}, a promise
     * broken again after a revision gets a new Task, never the one a collector may have completed.
     */
    static String brokenPromiseKey(String promiseId, int episode) {
        return episode <= 1 ? "BROKEN-" + promiseId : "BROKEN-" + promiseId + "-" + episode;
    }

    /**
     * The Task goes to the collector who took the promise, not to whoever has the lease now (after an escalation to a
     * specialist, the broken promise is still the first collector's); lacking one, to the lease's collector.
     */
    CollectorTask brokenPromise(PromiseState promise, int episode) {
        String collector = promise.madeBy() != null && !promise.madeBy().isBlank() ? promise.madeBy()
                : leases.collector(promise.leaseId()).orElse(null);
        return new CollectorTask(brokenPromiseKey(promise.promiseId(), episode), promise.leaseId(), owner(collector),
                "Broken promise to pay: " + promise.leaseId(),
                "Promised " + promise.amount().toPlainString() + " by " + promise.promisedDate() + "; received "
                        + promise.applied().toPlainString() + " by the deadline " + promise.judgedOn() + ".",
                promise.judgedOn(), "High");
    }

    /** A GPS alert for the lease's collector; one task per alert, whatever happens to the alert afterwards. */
    public CollectorTask gpsAlert(GpsAlert alert) {
        String collector = alert.leaseId() == null ? null : leases.collector(alert.leaseId()).orElse(null);
        return new CollectorTask("GPS-" + alert.alertKey(), alert.leaseId(), owner(collector),
                "GPS alert " + alert.type() + ": vehicle " + alert.vin(),
                alert.detail() + "\nLocated " + alert.latitude().toPlainString() + ", " + alert.longitude().toPlainString()
                        + " at " + alert.locatedAt() + ". See the GPS alert on the vehicle.",
                LocalDate.ofInstant(alert.openedAt(), zone), "High");
    }

    /**
     * A lease risen to HIGH recovery risk, for its collector: one Task per rise ({@code episode}), so a lease that falls
     * back and rises again gets a new one, never the one a collector may have completed.
     */
    public CollectorTask recoveryRiskHigh(RiskAssessment risk, int episode, LocalDate asOf) {
        String collector = leases.collector(risk.leaseId()).orElse(null);
        String key = episode <= 1 ? "RISK-HIGH-" + risk.leaseId() : "RISK-HIGH-" + risk.leaseId() + "-" + episode;
        StringBuilder description = new StringBuilder("Recovery risk rose to HIGH (score " + risk.score() + ") on " + asOf + ":");
        risk.reasons().forEach(reason -> description.append("\n- ").append(reason.words()).append(" (").append(reason.points()).append(")"));
        return new CollectorTask(key, risk.leaseId(), owner(collector), "High recovery risk: " + risk.leaseId(),
                description.toString(), asOf, "High");
    }

    private String owner(String collector) {
        String owner = collector == null ? null : owners.get(collector);
        if (owner != null) {
            return owner;
        }
        if (unmappedCollectors.add(collector == null ? "(no collector)" : collector)) {
            log.warn("collector '{}' has no Salesforce user in leasebridge.ledger.collector-owners: tasks go to the fallback owner {}",
                    collector, fallbackOwner);
        }
        return fallbackOwner;
    }

    /** Collectors whose tasks went to the fallback owner since start-up. */
    public Set<String> unmappedCollectors() {
        return Set.copyOf(unmappedCollectors);
    }
}
