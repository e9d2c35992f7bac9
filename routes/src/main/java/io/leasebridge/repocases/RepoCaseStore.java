package io.leasebridge.repocases;

import io.leasebridge.hub.InLists;
import io.leasebridge.hub.sql.OutboxClaims;
import io.leasebridge.repo.RepoStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Repossession cases in the hub: the status LeaseBridge applied, the timeline, orders and sales. */
@Repository
public class RepoCaseStore {

    /** What the hub knows of a case between reads. */
    record StoredCase(String caseId, RepoStatus status, String refusedStatus, String refusal) {
    }

    /** A case's timeline entry, newest last. */
    public record TimelineEntry(String caseId, String fromStatus, String toStatus, Instant changedAt, String changedBy,
                                String outcome, String action) {
    }

    /** What LeaseBridge mails an agent about a case: the repo order, or its recall; each table is an outbox of its own. */
    enum Letter {
        ORDER("repo_order", "repo-order"),
        RECALL("repo_order_recall", "repo-order-recall");

        private final OutboxClaims.Outbox<String> outbox;
        private final String name;

        Letter(String table, String name) {
            this.outbox = new OutboxClaims.Outbox<>(table, "case_id", String.class);
            this.name = name;
        }

        /** The letter's Message-ID for a case: the same on every try, so that a resend is recognisably the same mail. */
        String messageId(String caseId) {
            return "<" + name + "." + caseId + "@leasebridge>";
        }
    }

    /**
     * A letter to mail (SENDING when an earlier try may have reached the mail server); {@code inReplyTo} is the
     * Message-ID of the order a recall answers, null for the order itself.
     */
    record QueuedLetter(Letter letter, String caseId, String recipient, String subject, String body, String inReplyTo) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxClaims claims;

    public RepoCaseStore(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, OutboxClaims.local(jdbc, clock));
    }

    @Autowired
    public RepoCaseStore(JdbcTemplate jdbc, Clock clock, OutboxClaims claims) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claims = claims;
    }

    Optional<StoredCase> find(String caseId) {
        return jdbc.query("select case_id, status, refused_status, refusal from repo_case where case_id = ?",
                (rs, n) -> new StoredCase(rs.getString(1), RepoStatus.fromPicklist(rs.getString(2)).orElse(null),
                        rs.getString(3), rs.getString(4)), caseId).stream().findFirst();
    }

    /** Withdraws a case's repo order that has not gone to the mail server yet; whether there was one. */
    boolean withdrawOrder(String caseId) {
        return jdbc.update("update repo_order set status = 'WITHDRAWN' where case_id = ? and status = 'PENDING'", caseId) > 0;
    }

    /**
     * Queues the recall of a case's order that went (or may have gone) to the mail server, to the order's agent;
     * false when there is no such order or the case already has a recall.
     */
    boolean queueRecall(String caseId, String subject, String body) {
        return jdbc.update("""
                insert into repo_order_recall (case_id, recipient, subject, body, status, queued_at)
                select o.case_id, o.recipient, ?, ?, 'PENDING', ? from repo_order o
                where o.case_id = ? and o.status in ('SENDING', 'SENT')
                  and not exists (select 1 from repo_order_recall r where r.case_id = o.case_id)""",
                subject, body, Timestamp.from(clock.instant()), caseId) > 0;
    }

    /** Claims the recalls to mail whose order is SENT: a recall never reaches the agent before the order it recalls. */
    List<QueuedLetter> claimRecalls(int limit) {
        return claims.claimRows(Letter.RECALL.outbox, "status in ('PENDING', 'SENDING')"
                        + " and case_id in (select o.case_id from repo_order o where o.status = 'SENT')", "queued_at, case_id", limit,
                """
                select case_id, recipient, subject, body,
                       (select o.message_id from repo_order o where o.case_id = repo_order_recall.case_id)
                from repo_order_recall""",
                (rs, n) -> new QueuedLetter(Letter.RECALL, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
    }

    /** Saves what the Case says now, with the status LeaseBridge applied and the refusal standing, if any. */
    void save(CaseRead c, RepoStatus applied, String refusedStatus, String refusal) {
        Timestamp now = Timestamp.from(clock.instant());
        Object[] values = {c.caseNumber(), c.vin(), applied == null ? null : applied.name(),
                c.facts().repoType() == null ? null : c.facts().repoType().name(), c.agentName(), c.facts().agentEmail(),
                c.agentFee(), c.facts().titleVerified(), c.facts().salePrice(), c.facts().saleDate(), c.facts().buyer(),
                Timestamp.from(c.modstamp()), refusedStatus, refusal, now, c.vin(), c.caseId()};
        int updated = jdbc.update("""
                update repo_case set case_number = ?, vin = ?, status = ?, repo_type = ?, agent_name = ?, agent_email = ?,
                       agent_fee = ?, title_verified = ?, sale_price = ?, sale_date = ?, buyer = ?, last_modstamp = ?,
                       refused_status = ?, refusal = ?, updated_at = ?, lease_id = (select lease_id from vehicle where vin = ?)
                where case_id = ?""", values);
        if (updated == 0) {
            jdbc.update("""
                    insert into repo_case (case_number, vin, status, repo_type, agent_name, agent_email, agent_fee,
                           title_verified, sale_price, sale_date, buyer, last_modstamp, refused_status, refusal, updated_at,
                           lease_id, case_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (select lease_id from vehicle where vin = ?), ?)""", values);
        }
    }

    /** The history rows among {@code historyIds} already on some case's timeline. */
    Set<String> applied(List<String> historyIds) {
        return new HashSet<>(InLists.inChunks(historyIds, chunk -> jdbc.queryForList(
                "select history_id from repo_case_event where history_id in (" + InLists.placeholders(chunk.size()) + ")",
                String.class, chunk.toArray())));
    }

    void recordEvent(String caseId, StatusChange change, String outcome, String action) {
        jdbc.update("""
                insert into repo_case_event (case_id, from_status, to_status, changed_at, changed_by, outcome, action,
                       history_id, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseId, change.from(), change.to(), Timestamp.from(change.changedAt()), change.changedBy(), outcome, action,
                change.historyId(), Timestamp.from(clock.instant()));
    }

    /** What a case's recovery costs are derived from: its vehicle and the agent's fee, as the Case says them. */
    record CaseFee(String caseId, String vin, String agentName, BigDecimal agentFee) {
    }

    /** Hands each case to {@code each} as it is read, in case id order. */
    void eachCase(Consumer<CaseFee> each) {
        jdbc.query("select case_id, vin, agent_name, agent_fee from repo_case order by case_id", rs -> {
            each.accept(new CaseFee(rs.getString("case_id"), rs.getString("vin"), rs.getString("agent_name"), rs.getBigDecimal("agent_fee")));
        });
    }

    /** The case's number, or its id when it has none (or is unknown). */
    String caseNumber(String caseId) {
        return jdbc.queryForList("select case_number from repo_case where case_id = ?", String.class, caseId).stream()
                .filter(Objects::nonNull).findFirst().orElse(caseId);
    }

    /** When LeaseBridge first applied a status to the case: any status when none is named, else one of {@code toStatuses}. */
    Optional<Instant> firstApplied(String caseId, String... toStatuses) {
        List<Object> args = new ArrayList<>(List.of(caseId));
        args.addAll(List.of(toStatuses));
        String statuses = toStatuses.length == 0 ? "" : toStatuses.length == 1 ? " and to_status = ?"
                : " and to_status in (" + InLists.placeholders(toStatuses.length) + ")";
        return jdbc.queryForList("select min(changed_at) from repo_case_event where case_id = ? and outcome = 'APPLIED'" + statuses,
                Timestamp.class, args.toArray()).stream().filter(Objects::nonNull).map(Timestamp::toInstant).findFirst();
    }

    /** The Total_Recovery_Cost__c last written to the Case. */
    Optional<BigDecimal> recoveryCostWritten(String caseId) {
        return jdbc.queryForList("select total_recovery_cost from repo_case where case_id = ?", BigDecimal.class, caseId).stream()
                .filter(Objects::nonNull).findFirst();
    }

    void recoveryCostWritten(String caseId, BigDecimal total) {
        jdbc.update("update repo_case set total_recovery_cost = ? where case_id = ?", total, caseId);
    }

    /** How many cases are in a status, with their agent fees and sale prices summed. */
    public record StatusTotals(String status, long cases, BigDecimal agentFees, BigDecimal salePrices) {
    }

    /** The cases by status ("(none)" for a case with no status yet), in status order. */
    public List<StatusTotals> byStatus() {
        return jdbc.query("""
                select coalesce(status, '(none)'), count(*), coalesce(sum(agent_fee), 0), coalesce(sum(sale_price), 0)
                from repo_case group by coalesce(status, '(none)') order by 1""",
                (rs, n) -> new StatusTotals(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)));
    }

    /** A case on a vehicle as the hub holds it: the status LeaseBridge applied and the refusal standing, if any. */
    public record VehicleCase(String caseId, String caseNumber, String status, String refusal) {
    }

    /** The vehicle's cases, by case number. */
    public List<VehicleCase> ofVehicle(String vin) {
        return jdbc.query("select case_id, case_number, status, refusal from repo_case where vin = ? order by case_number",
                (rs, n) -> new VehicleCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), vin);
    }

    public List<TimelineEntry> timeline(String caseId) {
        return jdbc.query("""
                select case_id, from_status, to_status, changed_at, changed_by, outcome, action from repo_case_event
                where case_id = ? order by changed_at, id""",
                (rs, n) -> new TimelineEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), rs.getString(6), rs.getString(7)), caseId);
    }

    /** Queues the case's repo order; false when the case already has one (an order goes once per case). */
    boolean queueOrder(String caseId, String recipient, String subject, String body) {
        Integer existing = jdbc.queryForObject("select count(*) from repo_order where case_id = ?", Integer.class, caseId);
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("insert into repo_order (case_id, recipient, subject, body, status, queued_at) values (?, ?, ?, ?, 'PENDING', ?)",
                caseId, recipient, subject, body, Timestamp.from(clock.instant()));
        return true;
    }

    /** Claims the orders to mail (queued, or SENDING when a try was cut short) for this worker; others skip them. */
    List<QueuedLetter> claimOrders(int limit) {
        return claims.claimRows(Letter.ORDER.outbox, "status in ('PENDING', 'SENDING')", "queued_at, case_id", limit,
                "select case_id, recipient, subject, body from repo_order",
                (rs, n) -> new QueuedLetter(Letter.ORDER, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null));
    }

    /** Committed before the mail server is called, with the Message-ID every try of this letter carries. */
    void markSending(QueuedLetter letter) {
        jdbc.update("update " + letter.letter().outbox.table() + " set status = 'SENDING', message_id = ?"
                        + " where case_id = ? and status in ('PENDING', 'SENDING')",
                letter.letter().messageId(letter.caseId()), letter.caseId());
    }

    void markSent(QueuedLetter letter, Instant sentAt) {
        jdbc.update("update " + letter.letter().outbox.table() + " set status = 'SENT', sent_at = ?, claimed_by = null,"
                + " claimed_until = null where case_id = ? and status in ('PENDING', 'SENDING')", Timestamp.from(sentAt), letter.caseId());
    }

    void release(Letter letter, List<QueuedLetter> letters) {
        claims.release(letter.outbox, letters.stream().map(QueuedLetter::caseId).toList());
    }

    /**
     * The order sent for a case and when, for what LeaseBridge writes back to the Case: the order's text, followed
     * by its recall once that is sent.
     */
    Optional<SentOrder> sentOrder(String caseId) {
        return jdbc.query("""
                select o.body, o.sent_at, r.body, r.sent_at from repo_order o
                left join repo_order_recall r on r.case_id = o.case_id and r.status = 'SENT'
                where o.case_id = ? and o.status = 'SENT'""",
                (rs, n) -> new SentOrder(rs.getString(4) == null ? rs.getString(1)
                        : rs.getString(1) + "\n\nRecall sent " + rs.getTimestamp(4).toInstant() + ":\n" + rs.getString(3),
                        rs.getTimestamp(2).toInstant()), caseId).stream().findFirst();
    }

    record SentOrder(String body, Instant sentAt) {
    }

    /** Records a sale for accounting, once per case, with the vehicle's market value in the hub as its carrying value. */
    boolean recordSale(String caseId, String caseNumber, String vin, BigDecimal price, LocalDate date, String buyer) {
        Integer existing = jdbc.queryForObject("select count(*) from repo_sale where case_id = ?", Integer.class, caseId);
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("""
                insert into repo_sale (case_id, case_number, vin, lease_id, sale_price, sale_date, buyer, recorded_at, carrying_value)
                values (?, ?, ?, (select lease_id from vehicle where vin = ?), ?, ?, ?, ?, (select market_value from vehicle where vin = ?))""",
                caseId, caseNumber, vin, vin, price, date, buyer, Timestamp.from(clock.instant()), vin);
        return true;
    }
}
