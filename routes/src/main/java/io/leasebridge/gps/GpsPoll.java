package io.leasebridge.gps;

import io.leasebridge.gps.rules.GpsAssessment;
import io.leasebridge.gps.rules.GpsRules;
import io.leasebridge.gps.rules.Motion;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.GpsFix;
import io.leasebridge.model.VehicleGpsStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The GPS poll, step by step: which vehicles to locate (and which not, and why), then for each answer the pull
 * audit, the last accepted fix, the rules and the alerts, and what Salesforce must get of it, in one transaction
 * per vehicle.
 */
@Service
public class GpsPoll {

    public static final String FLOW = "gps-location-poll";
    private static final Logger log = LoggerFactory.getLogger(GpsPoll.class);

    private final GpsEligibility eligibility;
    private final GpsPullAudit audit;
    private final VehicleLocations locations;
    private final GpsAlerts alerts;
    private final GpsRules rules;
    private final SalesforceOutbox outbox;
    private final DeadLetters deadLetters;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration clockSkewTolerance;
    private final AtomicReference<GpsPollReport> last = new AtomicReference<>();

    public GpsPoll(GpsEligibility eligibility, GpsPullAudit audit, VehicleLocations locations, GpsAlerts alerts, GpsRules rules,
                   SalesforceOutbox outbox, DeadLetters deadLetters, FlowRuns runs, TransactionTemplate transaction, Clock clock,
                   GpsProperties properties) {
        this.eligibility = eligibility;
        this.audit = audit;
        this.locations = locations;
        this.alerts = alerts;
        this.rules = rules;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.transaction = transaction;
        this.clock = clock;
        this.clockSkewTolerance = properties.clockSkewTolerance();
    }

    /** Starts a run: records a pull for each eligible vehicle, and closes the alerts of vehicles no longer tracked. */
    public GpsPollReport plan() {
        return runs.open(FLOW, "vehicles in the hub", run -> plan(run.id(), eligibility.candidates()));
    }

    /** A run for one vehicle (a dead letter replayed): the policy decides as for a poll. */
    public GpsPollReport planFor(String vin) {
        return runs.open(FLOW, "replay of " + vin, run -> plan(run.id(),
                eligibility.candidates().stream().filter(c -> c.vehicle().vin().equals(vin)).toList()));
    }

    private GpsPollReport plan(long runId, List<GpsEligibility.Candidate> candidates) {
        List<LocateRequest> requests = new ArrayList<>();
        List<GpsPollReport.Skip> skipped = new ArrayList<>();
        GpsPollReport[] holder = new GpsPollReport[1];
        transaction.executeWithoutResult(status -> {
            for (GpsEligibility.Candidate c : candidates) {
                String leaseId = c.lease() == null ? c.vehicle().leaseId() : c.lease().leaseId();
                if (c.decision().pull()) {
                    String provider = c.vehicle().gpsProvider().toUpperCase(Locale.ROOT);
                    long pullId = audit.requested(runId, c.vehicle().vin(), leaseId, provider, c.vehicle().gpsDeviceId(), c.decision().reason());
                    requests.add(new LocateRequest(pullId, c.vehicle().vin(), leaseId, provider, c.vehicle().gpsDeviceId(),
                            c.decision().reason(), c.garaging()));
                } else {
                    skipped.add(new GpsPollReport.Skip(c.vehicle().vin(), leaseId, c.decision().reason()));
                }
            }
            holder[0] = new GpsPollReport(runId, requests, skipped);
            List<SObjectRecord> toSalesforce = new ArrayList<>();
            for (GpsPollReport.Skip skip : skipped) {
                if (alerts.hasOpen(skip.vin())) {
                    alerts.closeAll(skip.vin(), "no longer tracked (" + skip.reason() + ")", toSalesforce, holder[0]);
                }
            }
            outbox.enqueue(toSalesforce);
        });
        return holder[0];
    }

    /** One vendor answer, applied in its own transaction. */
    public void apply(GpsPollReport report, PullResult result) {
        LocateRequest request = result.request();
        report.outcome(result.outcome());
        try {
            applyInTransaction(report, result, request);
        } catch (RuntimeException e) {
            // one vehicle's failure must not end the poll of the others; the pull audit keeps no outcome for it
            report.outcome("ERROR");
            log.error("{}: applying the {} location of {} failed", FLOW, request.provider(), request.vin(), e);
        }
    }

    private void applyInTransaction(GpsPollReport report, PullResult result, LocateRequest request) {
        transaction.executeWithoutResult(status -> {
            audit.completed(request.pullId(), result.outcome(), result.detail());
            switch (result.outcome()) {
                case PullResult.LOCATED -> located(report, request, result.fix());
                case PullResult.MALFORMED -> deadLetters.record(List.of(new DeadLetter(FLOW, request.provider() + " location", request.vin(),
                        null, null, result.field(), "MALFORMED_LOCATION",
                        "device " + request.deviceId() + " of lease " + request.leaseId() + ": " + result.detail(), result.payload())),
                        report.runId());
                default -> log.warn("{}: {} {} not located: {}", FLOW, request.provider(), request.vin(), result.detail());
            }
        });
    }

    private void located(GpsPollReport report, LocateRequest request, GpsFix fix) {
        GpsFix known = locations.find(request.vin()).map(VehicleLocations.Stored::fix).orElse(null);
        boolean newer = GpsRules.isNewer(known, fix, clock.instant().plus(clockSkewTolerance));
        report.accepted(newer);
        GpsFix current = newer ? fix : known;
        Motion motion = locations.motion(request.vin());
        if (newer) {
            motion = rules.motion(motion, fix);
            locations.saveMotion(request.vin(), motion);
        }
        GpsAssessment assessment = rules.assess(request.garaging(), current, motion, clock.instant());
        assessment.skipped().values().forEach(why -> report.ruleSkipped(request.vin(), request.leaseId(), why));
        List<SObjectRecord> toSalesforce = new ArrayList<>();
        if (locations.save(current, assessment.status().name())) {
            toSalesforce.add(SalesforceRecords.vehicleGps(new VehicleGpsStatus(current.vin(), current.latitude(), current.longitude(),
                    current.locatedAt(), assessment.status().name())));
        }
        alerts.reconcile(request, current, assessment, toSalesforce, report);
        outbox.enqueue(toSalesforce);
    }

    public GpsPollReport finish(GpsPollReport report) {
        return runs.finish(FLOW, report.runId(), run -> {
            long failed = report.count(PullResult.FAILED) + report.count(PullResult.CIRCUIT_OPEN) + report.count(PullResult.REFUSED);
            run.count(new RunCounts(report.requests().size() + report.skipped().size(), report.accepted(),
                    report.requests().size(), failed, report.count(PullResult.MALFORMED), report.requests().size()));
            log.info("{}: {} locations requested, {} vehicles skipped, {} fixes accepted, {} failed, {} malformed, {} alerts raised, {} closed",
                    FLOW, report.requests().size(), report.skipped().size(), report.accepted(), failed,
                    report.count(PullResult.MALFORMED), report.raised().size(), report.closed().size());
            last.set(report);
            return report;
        });
    }

    /** The report of the last poll that finished, or null. */
    public GpsPollReport lastReport() {
        return last.get();
    }
}
