package io.leasebridge.repocases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.repo.RecoveryCost;
import io.leasebridge.repo.RecoveryCostType;
import io.leasebridge.salesforce.ChangeQuery;
import io.leasebridge.salesforce.SalesforceReadFlow;
import io.leasebridge.workorders.WorkOrderStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Every cost of a repossession case. Reads the Recovery_Cost__c records reps enter in Salesforce (a record that cannot
 * be billed is quarantined naming its fields), derives the others from the hub (a FleetRock repair order on the
 * case's vehicle while the case is open, the agent's fee on the Case) and writes those to Salesforce as the Case's
 * Recovery_Cost__c records, and keeps the Case's Total_Recovery_Cost__c. QuickBooks bills each cost once: entered
 * costs as their own Bill, repairs as the approved work order's Bill, the agent's fee as the case's fee Bill.
 */
@Service
public class RecoveryCosts {

    public static final String FLOW = "salesforce-recovery-costs-read";
    private static final String RECORD_TYPE = "Recovery_Cost__c";
    private static final List<String> FINAL = List.of("CLOSED", "CANCELLED", "UNRECOVERABLE", "REINSTATED");

    private final SalesforceReadFlow readFlow;
    private final RecoveryCostStore store;
    private final DeadLetters deadLetters;
    private final SalesforceOutbox salesforceOutbox;
    private final RepoCaseStore cases;
    private final WorkOrderStore workOrders;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectMapper json;
    private final ChangeQuery query = new ChangeQuery(FLOW, RECORD_TYPE, RecoveryCostRecords.FIELDS,
            RecoveryCostRecords.ENTERED_BY_REPS);
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());

    public RecoveryCosts(SalesforceReadFlow readFlow, RecoveryCostStore store, DeadLetters deadLetters,
                         SalesforceOutbox salesforceOutbox, RepoCaseStore cases, WorkOrderStore workOrders,
                         TransactionTemplate transaction, Clock clock, ObjectMapper json) {
        this.readFlow = readFlow;
        this.store = store;
        this.deadLetters = deadLetters;
        this.salesforceOutbox = salesforceOutbox;
        this.cases = cases;
        this.workOrders = workOrders;
        this.transaction = transaction;
        this.clock = clock;
        this.json = json;
    }

    /** The costs reps entered or changed since the last read. */
    public RunCounts read() {
        return readFlow.run(FLOW, query, (records, runId) -> {
            long changed = 0;
            long quarantined = 0;
            List<String> valid = new ArrayList<>();
            for (Map<String, Object> record : records) {
                RecoveryCostRecords.Read cost = RecoveryCostRecords.read(record);
                if (!cost.valid()) {
                    deadLetters.record(List.of(new DeadLetter(FLOW, RECORD_TYPE, cost.id(), null, null, String.join(", ", cost.fields()),
                            "INVALID_RECOVERY_COST", cost.reason(), payload(record))), runId);
                    quarantined++;
                    continue;
                }
                valid.add(cost.id());
                if (store.save(cost.id(), cost.caseId(), cost.cost(), RecoveryCostStore.Source.SALESFORCE)) {
                    changed++;
                }
            }
            deadLetters.resolveRecovered(FLOW, RECORD_TYPE, valid, runId);
            return new RunCounts(0, changed, 0, 0, quarantined, 0);
        });
    }

    /** Derives every case's costs again and writes what changed; one line per case whose total changed, for the run summary. */
    public List<String> rollUp() {
        report.clear();
        cases.eachCase(c -> transaction.executeWithoutResult(status -> rollUpCase(c.caseId(), c.vin(), c.agentName(), c.agentFee())));
        return lastReport();
    }

    /** What the last roll-up changed, one line per case. */
    public List<String> lastReport() {
        return List.copyOf(report);
    }

    /**
     * The case's costs derived again and its total: written to Salesforce where they changed. Returns its costs. Takes the
     * Case's vehicle and fee as read, since a case seen for the first time is in the hub only once its read is done.
     */
    List<RecoveryCost> rollUpCase(String caseId, String vin, String agentName, BigDecimal agentFee) {
        List<SObjectRecord> writes = new ArrayList<>();
        for (Map.Entry<String, RecoveryCost> derived : derive(caseId, vin, agentName, agentFee).entrySet()) {
            RecoveryCostStore.Source source = derived.getValue().type() == RecoveryCostType.REPAIR
                    ? RecoveryCostStore.Source.FLEETROCK : RecoveryCostStore.Source.CASE;
            if (store.save(derived.getKey(), caseId, derived.getValue(), source)) {
                writes.add(SalesforceRecords.recoveryCost(derived.getKey(), caseId, derived.getValue()));
            }
        }
        List<RecoveryCost> costs = store.ofCase(caseId).stream().map(RecoveryCostStore.StoredCost::cost).toList();
        BigDecimal total = costs.stream().map(RecoveryCost::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal written = cases.recoveryCostWritten(caseId).orElse(null);
        if (written == null ? total.signum() != 0 : written.compareTo(total) != 0) {
            writes.add(SalesforceRecords.caseRecoveryCosts(caseId, total));
            cases.recoveryCostWritten(caseId, total);
            report.add("case " + cases.caseNumber(caseId) + ": recovery costs " + total.toPlainString() + describe(costs));
        }
        salesforceOutbox.enqueue(writes);
        return costs;
    }

    /** The repair orders on the case's vehicle created while the case was open, and the agent's fee, by their keys. */
    private Map<String, RecoveryCost> derive(String caseId, String vin, String agentName, BigDecimal fee) {
        Map<String, RecoveryCost> derived = new java.util.LinkedHashMap<>();
        Optional<Instant> opened = cases.firstApplied(caseId);
        Optional<Instant> ended = cases.firstApplied(caseId, FINAL.toArray(String[]::new));
        if (vin != null && opened.isPresent()) {
            for (WorkOrderStore.Repair repair : workOrders.repairs(vin, opened.get(), ended.orElse(null))) {
                derived.put(RecoveryCostStore.REPAIR_PREFIX + repair.roId(), new RecoveryCost(RecoveryCostType.REPAIR, repair.vendorName(),
                        repair.grandTotal().setScale(2), day(repair.billedAt()), repair.roNumber()));
            }
        }
        if (fee != null && fee.signum() > 0) {
            LocalDate day = ended.map(this::day).orElseGet(() -> recoveredOn(caseId));
            derived.put("AGENT_FEE-" + caseId, new RecoveryCost(RecoveryCostType.AGENT_FEE, agentName,
                    fee.setScale(2), day, null));
        }
        return derived;
    }

    /** The day the agent brought the vehicle in, when the fee is billed; today when the case has no such step yet. */
    private LocalDate recoveredOn(String caseId) {
        return cases.firstApplied(caseId, "RECOVERED").map(this::day).orElse(LocalDate.now(clock));
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(clock.getZone()).toLocalDate();
    }

    private static String describe(List<RecoveryCost> costs) {
        Map<RecoveryCostType, BigDecimal> byType = new EnumMap<>(RecoveryCostType.class);
        costs.forEach(cost -> byType.merge(cost.type(), cost.amount(), BigDecimal::add));
        StringJoiner parts = new StringJoiner(", ", " (", ")");
        parts.setEmptyValue("");
        byType.forEach((type, amount) -> parts.add(type + " " + amount.toPlainString()));
        return parts.toString();
    }

    private String payload(Map<String, Object> record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            return String.valueOf(record.get("Id"));
        }
    }
}
