package io.leasebridge.repocases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.promises.LedgerProperties;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.repo.RepoAction;
import io.leasebridge.repo.RepoFacts;
import io.leasebridge.repo.RepoStatus;
import io.leasebridge.repo.RepoWorkflow;
import io.leasebridge.repo.Transition;
import io.leasebridge.salesforce.ChangeQuery;
import io.leasebridge.connectors.salesforce.QueryPage;
import io.leasebridge.connectors.salesforce.SalesforceGateway;
import io.leasebridge.salesforce.SalesforceReadFlow;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Salesforce repossession Cases -> the workflow. Reads the Cases changed since the last read and the
 * status changes in their field history, checks each change against {@link RepoWorkflow} from the
 * status LeaseBridge last applied, and carries out what a legal step calls for (disposition, repo order,
 * sale record). A refused change is recorded, quarantined and written back to {@code Integration_Error__c};
 * the Case stays where LeaseBridge last applied it until a rep moves it on legally. Everything a
 * re-read sees again (the overlap, the same history rows) is recognised and done nothing with. A Case whose vehicle
 * the hub does not hold yet is held for it ({@link CasesAwaitingVehicles}) and taken once the vehicle is read.
 */
@Service
public class RepoCaseSync {

    public static final String FLOW = "salesforce-repo-cases-read";
    private static final int HISTORY_IDS_PER_QUERY = 200;

    private final SalesforceReadFlow readFlow;
    private final SalesforceGateway queries;
    private final RepoCaseStore store;
    private final RepoOrders orders;
    private final CaseEffects effects;
    private final FinalReviews reviews;
    private final HubFacts hubFacts;
    private final CasesAwaitingVehicles awaiting;
    private final DeadLetters deadLetters;
    private final FlowRuns runs;
    private final SalesforceOutbox salesforceOutbox;
    private final RepoWorkflow workflow;
    private final ChangeQuery query;
    private final LedgerProperties lessor;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final List<String> report = Collections.synchronizedList(new ArrayList<>());

    public RepoCaseSync(SalesforceReadFlow readFlow, SalesforceGateway queries, RepoCaseStore store, RepoOrders orders,
                        CaseEffects effects, FinalReviews reviews, HubFacts hubFacts, CasesAwaitingVehicles awaiting, DeadLetters deadLetters, FlowRuns runs, SalesforceOutbox salesforceOutbox, RepoWorkflow workflow, RepoProperties properties, LedgerProperties lessor,
                        ObjectMapper json, TransactionTemplate transaction) {
        this.transaction = transaction;
        this.readFlow = readFlow;
        this.queries = queries;
        this.store = store;
        this.orders = orders;
        this.effects = effects;
        this.reviews = reviews;
        this.hubFacts = hubFacts;
        this.awaiting = awaiting;
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.salesforceOutbox = salesforceOutbox;
        this.workflow = workflow;
        this.query = new ChangeQuery(FLOW, "Case", CaseRecords.CASE_FIELDS,
                "RecordType.DeveloperName = '" + properties.caseRecordType().replace("'", "\\'") + "'");
        this.lessor = lessor;
        this.json = json;
    }

    /** What the last read did to each case it moved, one line each, for the run summary. */
    public List<String> lastReport() {
        return List.copyOf(report);
    }

    public RunCounts read() {
        report.clear();
        RunCounts counts = readFlow.run(FLOW, query, (records, runId) -> {
            List<CaseRead> cases = new ArrayList<>();
            for (Map<String, Object> record : records) {
                CaseRead c = CaseRecords.caseRead(record);
                if (!awaiting.holdIfVehicleMissing(c)) {
                    cases.add(c);
                }
            }
            Map<String, List<StatusChange>> history = unappliedHistory(cases);
            long changed = 0;
            long refused = 0;
            for (CaseRead c : cases) {
                Outcome outcome = apply(c, history.getOrDefault(c.caseId(), List.of()), runId);
                refused += outcome.refused();
                changed += outcome.applied() > 0 || outcome.refused() > 0 ? 1 : 0;
            }
            return new RunCounts(0, changed, 0, refused, 0, 0);
        });
        takeCasesWhoseVehicleArrived();
        report.addAll(awaiting.waiting());
        return counts;
    }

    /**
     * The Cases held for their vehicle that the hub now has: read again by id (the change read has moved past them) and
     * taken through the workflow from where LeaseBridge left them, with every status change their history holds.
     */
    private void takeCasesWhoseVehicleArrived() {
        List<String> ready = awaiting.ready();
        if (ready.isEmpty()) {
            return;
        }
        runs.run(FLOW, "Case held for its vehicle", run -> {
            long runId = run.id();
            long changed = 0;
            long refused = 0;
            for (String caseId : ready) {
                List<Map<String, Object>> records = queries.query(query.soqlById(caseId)).records();
                Outcome outcome = transaction.execute(status -> {
                    awaiting.taken(caseId);
                    if (!records.isEmpty()) {
                        CaseRead c = CaseRecords.caseRead(records.get(0));
                        if (!awaiting.holdIfVehicleMissing(c)) {
                            return apply(c, unappliedHistory(List.of(c)).getOrDefault(caseId, List.of()), runId);
                        }
                    }
                    return new Outcome(0, 0);
                });
                changed += outcome.applied() > 0 || outcome.refused() > 0 ? 1 : 0;
                refused += outcome.refused();
            }
            run.count(new RunCounts(ready.size(), changed, 0, refused, 0, ready.size()));
            return null;
        });
    }

    private record Outcome(int applied, int refused) {
    }

    /**
     * Reads one Case again, for the replay of its dead letter: its steps not applied yet are checked again
     * against what the Case says now. Empty when the Case now stands where LeaseBridge applied it, else the
     * refusal that still stands.
     */
    public Optional<String> replay(String caseId, long runId) {
        List<Map<String, Object>> records = queries.query(query.soqlById(caseId)).records();
        if (records.isEmpty()) {
            return Optional.of("Case " + caseId + " is no longer in Salesforce");
        }
        CaseRead c = CaseRecords.caseRead(records.get(0));
        return transaction.execute(status -> {
            apply(c, unappliedHistory(List.of(c)).getOrDefault(caseId, List.of()), runId);
            return Optional.ofNullable(store.find(caseId).map(RepoCaseStore.StoredCase::refusal).orElse(null));
        });
    }

    private Outcome apply(CaseRead c, List<StatusChange> history, long runId) {
        RepoCaseStore.StoredCase stored = store.find(c.caseId()).orElse(null);
        RepoStatus applied = stored == null ? null : stored.status();
        String refusedStatus = stored == null ? null : stored.refusedStatus();
        String refusal = stored == null ? null : stored.refusal();
        String refusalBefore = refusal;

        RepoFacts facts = hubFacts.factsOf(c);
        List<StatusChange> steps = inChainOrder(history, stored == null ? null : name(applied));
        if (stored == null) {
            String initial = steps.isEmpty() ? c.status() : steps.get(0).from();
            steps.add(0, new StatusChange(null, null, initial, steps.isEmpty() ? c.modstamp() : steps.get(0).changedAt(),
                    steps.isEmpty() ? c.lastModifiedBy() : steps.get(0).changedBy()));
        } else if (steps.isEmpty() && !Objects.equals(name(applied), normalized(c.status()))) {
            // No history row to go by: the Case was edited without a status change (a refused step whose
            // missing fact is now filled in) or field history is not tracked. Check where it stands now.
            steps.add(new StatusChange(null, name(applied), c.status(), c.modstamp(), c.lastModifiedBy()));
        }

        int appliedSteps = 0;
        int refusedSteps = 0;
        for (StatusChange step : steps) {
            RepoStatus to = RepoStatus.fromPicklist(step.to()).orElse(null);
            Transition transition = step.to() != null && to == null
                    ? new Transition.Refused(applied, null, "'" + step.to() + "' is not a status of the repossession workflow")
                    : workflow.check(applied, to, facts);
            RepoOrders.Built built = transition instanceof Transition.Allowed allowed ? orderFor(c, allowed, step) : RepoOrders.Built.NOTHING;
            if (built.problem() != null) {
                transition = new Transition.Refused(applied, to, name(applied) + " -> " + to + " is refused: " + built.problem());
            }
            if (transition instanceof Transition.Allowed && to == RepoStatus.CLOSED) {
                Optional<String> open = reviews.beforeClosing(c);
                if (open.isPresent()) {
                    transition = new Transition.Refused(applied, to, name(applied) + " -> " + to + " is refused: " + open.get());
                }
            }
            if (transition instanceof Transition.Unchanged unchanged) {
                if (step.historyId() != null) {
                    store.recordEvent(c.caseId(), step, "UNCHANGED", "already " + unchanged.status());
                }
            } else if (transition instanceof Transition.Refused r) {
                boolean repeated = step.historyId() == null && r.reason().equals(refusal);
                if (!repeated) {
                    store.recordEvent(c.caseId(), step, "REFUSED", r.reason());
                    deadLetters.record(List.of(new DeadLetter(FLOW, "Case", c.caseId(), null, null, "Repo_Status__c",
                            "ILLEGAL_TRANSITION", "Case " + c.caseNumber() + ": " + r.reason(), payload(c))), runId);
                    report.add("case " + c.caseNumber() + ": " + name(applied) + " -> " + step.to() + " REFUSED: " + r.reason());
                    refusedSteps++;
                }
                refusedStatus = step.to();
                refusal = r.reason();
            } else if (transition instanceof Transition.Allowed allowed) {
                String done = effects.carryOut(c, allowed, built.order(), step.changedAt());
                store.recordEvent(c.caseId(), step, "APPLIED", done);
                report.add("case " + c.caseNumber() + ": " + (applied == null ? "new" : applied.name()) + " -> " + allowed.to()
                        + (done.isEmpty() ? "" : " (" + done + ")"));
                applied = allowed.to();
                refusedStatus = null;
                refusal = null;
                appliedSteps++;
            }
        }
        if (Objects.equals(name(applied), normalized(c.status()))) {
            refusedStatus = null;
            refusal = null;
        }
        store.save(c, applied, refusedStatus, refusal);
        if (!Objects.equals(refusal, refusalBefore)) {
            RepoCaseStore.SentOrder sent = store.sentOrder(c.caseId()).orElse(null);
            salesforceOutbox.enqueue(List.of(SalesforceRecords.repoCase(c.caseId(), refusal,
                    sent == null ? null : sent.body(), sent == null ? null : sent.sentAt())));
        }
        return new Outcome(appliedSteps, refusedSteps);
    }

    /** What entering a state needs written before it can be applied: the repo order. */
    private RepoOrders.Built orderFor(CaseRead c, Transition.Allowed allowed, StatusChange step) {
        if (!allowed.actions().contains(RepoAction.SEND_REPO_ORDER)) {
            return RepoOrders.Built.NOTHING;
        }
        return orders.build(c, LocalDate.ofInstant(step.changedAt(), lessor.zone()));
    }

    /** The Cases' status changes LeaseBridge has not applied yet, oldest first, by case. */
    private Map<String, List<StatusChange>> unappliedHistory(List<CaseRead> cases) {
        Map<String, List<StatusChange>> byCase = new LinkedHashMap<>();
        List<String> ids = cases.stream().map(CaseRead::caseId).toList();
        List<StatusChange> all = new ArrayList<>();
        Map<StatusChange, String> caseOf = new IdentityHashMap<>();
        for (int from = 0; from < ids.size(); from += HISTORY_IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + HISTORY_IDS_PER_QUERY));
            QueryPage page = queries.query("SELECT Id, CaseId, OldValue, NewValue, CreatedDate, CreatedBy.Name "
                    + "FROM CaseHistory WHERE Field = '" + CaseRecords.STATUS_FIELD + "' AND CaseId IN ("
                    + String.join(", ", chunk.stream().map(id -> "'" + id + "'").toList()) + ") ORDER BY CreatedDate, Id");
            while (true) {
                for (Map<String, Object> row : page.records()) {
                    StatusChange change = CaseRecords.statusChange(row);
                    all.add(change);
                    caseOf.put(change, io.leasebridge.mapping.salesforce.SoqlValues.text(row.get("CaseId")));
                }
                if (!page.hasMore()) {
                    break;
                }
                page = queries.next(page.nextRecordsUrl());
            }
        }
        Set<String> done = store.applied(all.stream().map(StatusChange::historyId).toList());
        for (StatusChange change : all) {
            if (!done.contains(change.historyId())) {
                byCase.computeIfAbsent(caseOf.get(change), k -> new ArrayList<>()).add(change);
            }
        }
        return byCase;
    }

    /**
     * History rows in the order they happened. Rows saved in the same instant (a rep's quick clicks, a flow
     * that sets the status twice) have no order of their own in Salesforce, so among those the one that
     * continues from the status reached so far goes first.
     */
    static List<StatusChange> inChainOrder(List<StatusChange> rows, String from) {
        List<StatusChange> remaining = new ArrayList<>(rows);
        remaining.sort(Comparator.comparing(StatusChange::changedAt));
        List<StatusChange> ordered = new ArrayList<>(rows.size());
        String current = from;
        while (!remaining.isEmpty()) {
            Instant earliest = remaining.get(0).changedAt();
            StatusChange next = remaining.get(0);
            for (StatusChange candidate : remaining) {
                if (!candidate.changedAt().equals(earliest)) {
                    break;
                }
                if (current == null ? isFirst(candidate, remaining) : current.equals(normalized(candidate.from()))) {
                    next = candidate;
                    break;
                }
            }
            remaining.remove(next);
            ordered.add(next);
            current = normalized(next.to());
        }
        return ordered;
    }

    /** A row no other row leads to: where a chain of same-instant rows begins. */
    private static boolean isFirst(StatusChange candidate, List<StatusChange> rows) {
        return rows.stream().noneMatch(r -> r != candidate && Objects.equals(normalized(r.to()), normalized(candidate.from())));
    }

    private String payload(CaseRead c) {
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            return c.caseId();
        }
    }

    private static String name(RepoStatus status) {
        return status == null ? null : status.name();
    }

    private static String normalized(String status) {
        return RepoStatus.fromPicklist(status).map(RepoStatus::name).orElse(status);
    }
}
