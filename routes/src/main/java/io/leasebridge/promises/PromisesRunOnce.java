package io.leasebridge.promises;

import io.leasebridge.flow.RunOnceParts;
import io.leasebridge.ledger.PromiseEvent;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Promises in run-once: judged as of the run's day once the exports and Salesforce's changes are in; in the summary the
 * ledger by status and the kept rate, then every verdict this run revised and every promise judged without payments.
 */
@Component
class PromisesRunOnce implements RunOnceParts {

    private final PromiseJudgement judgement;
    private final CollectorTasks tasks;
    private final PromiseLedgerStore ledger;

    PromisesRunOnce(PromiseJudgement judgement, CollectorTasks tasks, PromiseLedgerStore ledger) {
        this.judgement = judgement;
        this.tasks = tasks;
        this.ledger = ledger;
    }

    @Override
    public List<Step> steps() {
        return List.of(Step.of(400, PromiseJudgement.FLOW, once -> judgement.judge(once.asOf())));
    }

    @Override
    public List<Report> reports() {
        return List.of(
                new Report(300, (out, once) -> printLedger(out)),
                new Report(700, (out, once) -> printRevisedVerdicts(out, once.started())),
                new Report(800, (out, once) -> printJudgedWithoutPayments(out)));
    }

    private void printLedger(PrintStream out) {
        Map<String, Long> byStatus = ledger.countsByStatus();
        out.println("Promise ledger: " + byStatus.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        long kept = byStatus.getOrDefault("KEPT", 0L);
        long judged = kept + byStatus.getOrDefault("PARTIALLY_KEPT", 0L) + byStatus.getOrDefault("BROKEN", 0L);
        out.printf("promise-kept rate: %s (%d kept of %d judged)%n",
                judged == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * kept / judged), kept, judged);
        Set<String> unmapped = tasks.unmappedCollectors();
        if (!unmapped.isEmpty()) {
            out.println("collectors without a Salesforce user (their tasks went to leasebridge.ledger.fallback-owner): "
                    + String.join(", ", new TreeSet<>(unmapped)));
        }
    }

    /** Every verdict a late payment or reversal revised in this run: from what, to what, and what was applied. */
    private void printRevisedVerdicts(PrintStream out, Instant started) {
        List<String> lines = new ArrayList<>();
        Map<String, String> lastVerdict = new HashMap<>();
        Map<String, Boolean> revising = new HashMap<>();
        for (PromiseEvent event : ledger.verdictsOfPromisesRevisedSince(started)) {
            String promise = event.promiseId();
            String type = event.type().name();
            if ("REVISED".equals(type)) {
                revising.put(promise, !event.recordedAt().isBefore(started));
            } else {
                if (Boolean.TRUE.equals(revising.remove(promise))) {
                    lines.add(String.format("  %-40s lease %-12s %s -> %s (%s applied by the deadline; a payment or reversal"
                            + " arrived after judgement)", promise, event.leaseId(), lastVerdict.get(promise), type,
                            event.amount().toPlainString()));
                }
                lastVerdict.put(promise, type);
            }
        }
        out.println("Promise verdicts revised: " + (lines.isEmpty() ? "none" : lines.size()));
        lines.forEach(out::println);
        out.println();
    }

    /** Promises judged because leasebridge.ledger.judge-after had passed, before any payments export showed their deadline day. */
    private void printJudgedWithoutPayments(PrintStream out) {
        Set<String> judged = judgement.judgedWithoutPayments();
        out.println("Promises judged at judge-after, no payments export covering their deadline day: "
                + (judged.isEmpty() ? "none" : judged.size()));
        judged.stream().limit(20).forEach(p -> out.println("  " + p));
        if (judged.size() > 20) {
            out.println("  ... and " + (judged.size() - 20) + " more");
        }
        out.println();
    }
}
