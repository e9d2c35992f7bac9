package io.leasebridge.fleetrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.connectors.fleetrock.RepairOrder;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.fleetrock.WorkOrderMapper;
import io.leasebridge.mapping.fleetrock.WorkOrderProblem;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.WorkOrderRecords;
import io.leasebridge.model.WorkOrder;
import io.leasebridge.workorders.WorkOrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Repair orders from FleetRock (a poll window or a webhook push) into the hub: each is mapped; a bad one goes to
 * dead letters naming the RO and the field; the good ones are written to {@code work_order}, and those new or
 * changed are queued for Salesforce ({@code WorkOrder} and its {@code WorkOrderLineItem}s). Callers run it in
 * the transaction that also moves their watermark or records their delivery.
 */
@Service
public class WorkOrderIntake {

    public static final String RECORD_TYPE = "FleetRock RO";
    private static final Logger log = LoggerFactory.getLogger(WorkOrderIntake.class);

    private final WorkOrderMapper mapper;
    private final WorkOrderStore store;
    private final SalesforceOutbox outbox;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;

    public WorkOrderIntake(FleetRockProperties properties, WorkOrderStore store, SalesforceOutbox outbox,
                           DeadLetters deadLetters, ObjectMapper json) {
        this.mapper = new WorkOrderMapper(properties.zone());
        this.store = store;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.json = json;
    }

    /** What one batch did: repair orders read, work orders new or changed, repair orders quarantined. */
    public record Outcome(int read, int changed, int quarantined) {

        public Outcome plus(Outcome o) {
            return new Outcome(read + o.read, changed + o.changed, quarantined + o.quarantined);
        }
    }

    /** Maps every repair order; returns the problems without writing anything (a webhook push is all or nothing). */
    public List<WorkOrderProblem> problems(List<RepairOrder> repairOrders) {
        return refused(repairOrders).stream().map(Refused::problem).toList();
    }

    /** Each RO that cannot be mapped, with its own problem and its position (from 1), in the order sent. */
    List<Refused> refused(List<RepairOrder> repairOrders) {
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < repairOrders.size(); i++) {
            WorkOrderMapper.Result result = mapper.map(repairOrders.get(i));
            if (!result.ok()) {
                refused.add(new Refused(i + 1, repairOrders.get(i), result.problem()));
            }
        }
        return refused;
    }

    record Refused(int position, RepairOrder ro, WorkOrderProblem problem) {
    }

    public Outcome accept(List<RepairOrder> repairOrders, String flow, String source, long runId) {
        List<WorkOrder> good = new ArrayList<>();
        List<DeadLetter> bad = new ArrayList<>();
        for (int i = 0; i < repairOrders.size(); i++) {
            RepairOrder ro = repairOrders.get(i);
            WorkOrderMapper.Result result = mapper.map(ro);
            if (result.ok()) {
                good.add(result.workOrder());
            } else {
                WorkOrderProblem problem = result.problem();
                log.warn("{}: quarantined {}", flow, problem);
                bad.add(deadLetter(flow, "repair order " + (i + 1) + " of " + source, ro, problem));
            }
        }
        List<WorkOrder> changed = store.upsert(good);
        List<SObjectRecord> toSalesforce = new ArrayList<>();
        changed.forEach(w -> toSalesforce.addAll(WorkOrderRecords.of(w)));
        outbox.enqueue(toSalesforce);
        deadLetters.record(bad, runId);
        return new Outcome(repairOrders.size(), changed.size(), bad.size());
    }

    /** @param place the RO's position in the window or push it came in */
    private DeadLetter deadLetter(String flow, String place, RepairOrder ro, WorkOrderProblem problem) {
        return new DeadLetter(flow, RECORD_TYPE, recordKey(ro, problem, place), null, null, problem.field(), "INVALID_FIELD",
                problem + " (" + place + ")", payload(ro));
    }

    /**
     * Keyed by the RO, not the window or push it came in, so that the same bad RO seen again is one entry; only an RO
     * with neither id nor VIN (a string in the {@code repair_orders} array) is known by its place alone.
     */
    static String recordKey(RepairOrder ro, WorkOrderProblem problem, String place) {
        if (problem.roId() != null && !problem.roId().isBlank()) {
            return problem.roId();
        }
        return ro.vin() == null || ro.vin().isBlank() ? "(no id) " + place : "(no id) vin " + ro.vin();
    }

    private String payload(RepairOrder ro) {
        try {
            return json.writeValueAsString(ro);
        } catch (JsonProcessingException e) {
            return String.valueOf(ro);
        }
    }
}
