package io.leasebridge.reconcile;

import io.leasebridge.hub.DeadLetters;
import io.leasebridge.mapping.quickbooks.PostingType;
import io.leasebridge.quickbooks.QuickBooksOutbox;
import io.leasebridge.quickbooks.QuickBooksPostingRun;
import io.leasebridge.reconcile.Difference.Kind;
import io.leasebridge.reconcile.RepoCaseCheck.Delivery;
import io.leasebridge.repocases.RecoveryCostStore;
import io.leasebridge.repocases.RecoveryCostStore.StoredCost;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every repossession case with recovery costs or a final account review, from the hub: each cost's Bill in the
 * QuickBooks outbox (or the dead letter that kept it out), the review, the resale JournalEntry and the case's lease
 * adjustment for LeaseWorks.
 */
@Repository
class RepoCaseDeliveries {

    private static final String QUICKBOOKS = QuickBooksReconciler.QUICKBOOKS;
    private static final String LEASEWORKS = "LeaseWorks";

    private record Posting(String status, String error) {
    }

    private record Review(String caseNumber, BigDecimal deficiency, BigDecimal surplus) {
    }

    private record Adjustment(String fileName, boolean written) {
    }

    private final JdbcTemplate jdbc;
    private final RecoveryCostStore costs;

    RepoCaseDeliveries(JdbcTemplate jdbc, RecoveryCostStore costs) {
        this.jdbc = jdbc;
        this.costs = costs;
    }

    /** The cases by case number. */
    List<RepoCaseCheck> cases() {
        Map<String, List<StoredCost>> costsByCase = new HashMap<>();
        costs.all().forEach(c -> costsByCase.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(c));
        Map<String, Review> reviews = new HashMap<>();
        jdbc.query("select case_id, case_number, deficiency, surplus from repo_review", rs -> {
            reviews.put(rs.getString(1), new Review(rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
        });
        Map<String, String> numbers = new HashMap<>();
        jdbc.query("""
                select case_id, case_number from repo_case
                where case_id in (select case_id from recovery_cost union select case_id from repo_review)""", rs -> {
            numbers.put(rs.getString(1), rs.getString(2));
        });
        Map<String, Posting> postings = postings();
        Map<String, String> refusedSources = refusedSources();
        Map<String, Adjustment> adjustments = new HashMap<>();
        jdbc.query("select case_id, file_name, written_at from repo_adjustment", rs -> {
            adjustments.put(rs.getString(1), new Adjustment(rs.getString(2), rs.getTimestamp(3) != null));
        });

        Map<String, RepoCaseCheck> byName = new TreeMap<>();
        List<String> caseIds = new ArrayList<>(costsByCase.keySet());
        reviews.keySet().stream().filter(id -> !costsByCase.containsKey(id)).forEach(caseIds::add);
        for (String caseId : caseIds) {
            Review review = reviews.get(caseId);
            String number = numbers.getOrDefault(caseId, review == null ? null : review.caseNumber());
            RepoCaseCheck check = check(caseId, number, costsByCase.getOrDefault(caseId, List.of()), review, postings, refusedSources,
                    adjustments.get(caseId));
            byName.put(check.name(), check);
        }
        return List.copyOf(byName.values());
    }

    private static RepoCaseCheck check(String caseId, String number, List<StoredCost> caseCosts, Review review,
                                       Map<String, Posting> postings, Map<String, String> refusedSources, Adjustment adjustment) {
        String key = number != null ? number : caseId;
        List<Difference> differences = new ArrayList<>();
        Tally total = Tally.NONE;
        long[] bills = new long[Delivery.values().length];
        for (StoredCost cost : caseCosts) {
            total = total.plus(cost.cost().amount());
            String posting = cost.billedAs().name() + ":" + cost.billSourceKey();
            Delivery bill = delivery(postings.get(posting), refusedSources.get(posting));
            bills[bill.ordinal()]++;
            if (bill != Delivery.DELIVERED) {
                String what = cost.cost().type() + " " + cost.cost().amount().toPlainString() + " (" + cost.key() + "): its Bill ";
                differences.add(new Difference(QUICKBOOKS, "Bill", key, cost.cost().date(), kind(bill),
                        what + reason(postings.get(posting), refusedSources.get(posting))));
            }
        }
        Delivery resale = null;
        Delivery adjusted = null;
        if (review != null) {
            String resaleKey = PostingType.RESALE_JOURNAL_ENTRY.name() + ":" + caseId;
            Posting posted = postings.getOrDefault(resaleKey, postings.get(PostingType.SALES_RECEIPT.name() + ":" + caseId));
            resale = delivery(posted, refusedSources.get(resaleKey));
            if (resale != Delivery.DELIVERED) {
                differences.add(new Difference(QUICKBOOKS, "JournalEntry", key, null, kind(resale),
                        "the resale JournalEntry " + reason(posted, refusedSources.get(resaleKey))));
            }
            adjusted = adjustment != null && adjustment.written() ? Delivery.DELIVERED : Delivery.PENDING;
            if (adjusted != Delivery.DELIVERED) {
                differences.add(new Difference(LEASEWORKS, "Lease adjustment", key, null, Kind.PENDING, adjustment == null
                        ? "the lease adjustment is not queued for LeaseWorks"
                        : adjustment.fileName() == null ? "the lease adjustment waits for the next LeaseWorks import file"
                        : "the lease adjustment is in import file " + adjustment.fileName() + ", not written yet"));
            }
        }
        return new RepoCaseCheck(caseId, number, total, bills[Delivery.DELIVERED.ordinal()], bills[Delivery.PENDING.ordinal()],
                bills[Delivery.REFUSED.ordinal()], review == null ? null : review.deficiency(), review == null ? null : review.surplus(),
                resale, adjusted, List.copyOf(differences));
    }

    private static Delivery delivery(Posting posting, String refusedSource) {
        if (posting == null) {
            return refusedSource == null ? Delivery.PENDING : Delivery.REFUSED;
        }
        return switch (posting.status()) {
            case QuickBooksOutbox.CONFIRMED -> Delivery.DELIVERED;
            case QuickBooksOutbox.FAILED -> Delivery.REFUSED;
            default -> Delivery.PENDING;
        };
    }

    private static String reason(Posting posting, String refusedSource) {
        if (posting == null) {
            return refusedSource == null ? "is not queued for QuickBooks yet" : "cannot be posted: " + refusedSource;
        }
        return QuickBooksOutbox.FAILED.equals(posting.status()) ? "was refused by QuickBooks: " + posting.error() : "waits to be posted";
    }

    private static Kind kind(Delivery delivery) {
        return delivery == Delivery.REFUSED ? Kind.REFUSED : Kind.PENDING;
    }

    /** The outbox's postings of repossession cases, by type and source key; work order Bills only of repairs on cases. */
    private Map<String, Posting> postings() {
        Map<String, Posting> postings = new HashMap<>();
        jdbc.query("""
                select posting_type, source_key, status, error from qb_outbox
                where posting_type in ('RECOVERY_COST_BILL', 'AGENT_FEE_BILL', 'RESALE_JOURNAL_ENTRY', 'SALES_RECEIPT')
                   or posting_type = 'WORK_ORDER_BILL' and 'REPAIR-' || source_key in (select cost_key from recovery_cost)""", rs -> {
            postings.put(rs.getString(1) + ":" + rs.getString(2), new Posting(rs.getString(3), rs.getString(4)));
        });
        return postings;
    }

    /** Sources the QuickBooks run could not make a document of (a dead letter each), by posting type and source key. */
    private Map<String, String> refusedSources() {
        Map<String, String> refused = new HashMap<>();
        jdbc.query("select record_type, record_key, reason from dead_letter where flow = ? and status = ?", rs -> {
            refused.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
        }, QuickBooksPostingRun.FLOW, DeadLetters.OPEN);
        return refused;
    }
}
