package io.leasebridge.quickbooks;

import io.leasebridge.mapping.quickbooks.PostingType;
import io.leasebridge.mapping.quickbooks.QuickBooksPosting;
import io.leasebridge.hub.sql.OutboxClaims;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The QuickBooks outbox ({@code qb_outbox}): one row per posting, keyed by its requestid. A posting is
 * PENDING until QuickBooks confirms it (CONFIRMED, with its id and amount) or refuses it (FAILED). Each try
 * is counted before it is made, so a crash after QuickBooks took a document still leaves a row that says
 * "look it up by DocNumber before posting again".
 */
@Repository
public class QuickBooksOutbox {

    public static final String PENDING = "PENDING";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String FAILED = "FAILED";

    private static final RowMapper<OutboxPosting> ROW = (rs, i) -> new OutboxPosting(rs.getString("request_id"),
            PostingType.valueOf(rs.getString("posting_type")), rs.getString("entity"), rs.getString("source_key"),
            rs.getString("doc_number"), rs.getDate("txn_date").toLocalDate(), rs.getBigDecimal("amount"), rs.getString("vendor_name"),
            rs.getString("payload"), rs.getString("payload_hash"), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("qb_id"), rs.getString("sync_token"), rs.getBigDecimal("qb_amount"), rs.getString("error"),
            rs.getInt("reposts"));

    private static final OutboxClaims.Outbox<String> TABLE = new OutboxClaims.Outbox<>("qb_outbox", "request_id", String.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final OutboxClaims claims;

    public QuickBooksOutbox(JdbcTemplate jdbc, Clock clock) {
        this(jdbc, clock, OutboxClaims.local(jdbc, clock));
    }

    @Autowired
    public QuickBooksOutbox(JdbcTemplate jdbc, Clock clock, OutboxClaims claims) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.claims = claims;
    }

    /**
     * Queues a confirmed document again as a new one, after it was deleted or voided in QuickBooks: its QuickBooks id
     * is forgotten and its next create call gets a requestid of its own. {@code key} is its DocNumber, or its
     * QuickBooks id where it has none. False when no such confirmed document is in the outbox.
     */
    public boolean repost(String entity, String key) {
        return jdbc.update("""
                update qb_outbox set status = 'PENDING', qb_id = null, sync_token = null, qb_amount = null, posted_hash = null,
                    attempts = 0, error = null, reposts = reposts + 1, updated_at = ?
                where entity = ? and status = 'CONFIRMED' and (doc_number = ? or doc_number is null and qb_id = ?)""",
                Timestamp.from(clock.instant()), entity, key, key) > 0;
    }

    /** Queues a posting; an unchanged one is left alone. Returns true when something is new to send. */
    boolean enqueue(QuickBooksPosting posting) {
        String payload = posting.body().toString();
        String hash = hashOf(payload, posting.vendorName());
        Timestamp now = Timestamp.from(clock.instant());
        Optional<OutboxPosting> existing = find(posting.requestId());
        if (existing.isEmpty()) {
            jdbc.update("""
                    insert into qb_outbox (request_id, posting_type, entity, source_key, doc_number, txn_date, amount, vendor_name,
                        payload, payload_hash, status, attempts, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""",
                    posting.requestId(), posting.type().name(), posting.type().entity(), posting.sourceKey(), posting.docNumber(),
                    Date.valueOf(posting.txnDate()), posting.amount(), posting.vendorName(), payload, hash, now, now);
            return true;
        }
        if (existing.get().payloadHash().equals(hash)) {
            return false;
        }
        jdbc.update("""
                update qb_outbox set doc_number = ?, txn_date = ?, amount = ?, vendor_name = ?, payload = ?, payload_hash = ?,
                    status = 'PENDING', attempts = case when qb_id is null then attempts else 0 end, error = null, updated_at = ?
                where request_id = ?""",
                posting.docNumber(), Date.valueOf(posting.txnDate()), posting.amount(), posting.vendorName(), payload, hash, now,
                posting.requestId());
        return true;
    }

    Optional<OutboxPosting> find(String requestId) {
        return jdbc.query("select * from qb_outbox where request_id = ?", ROW, requestId).stream().findFirst();
    }

    List<OutboxPosting> pending(int limit) {
        return jdbc.query("select * from qb_outbox where status = 'PENDING' order by txn_date, request_id fetch first " + limit
                + " rows only", ROW);
    }

    /**
     * Claims the oldest pending postings for this worker; postings another worker (another node) holds are skipped, so
     * no two workers post one document at once. Each claimed posting is {@linkplain #release released} after its try.
     */
    List<OutboxPosting> claim(int limit) {
        return claims.claimRows(TABLE, "status = 'PENDING'", "txn_date, request_id", limit, "select * from qb_outbox", ROW);
    }

    void release(List<OutboxPosting> postings) {
        claims.release(TABLE, postings.stream().map(OutboxPosting::requestId).toList());
    }

    public List<OutboxPosting> all() {
        return jdbc.query("select * from qb_outbox order by txn_date, request_id", ROW);
    }

    /** Counted before the call is made: a later try knows an earlier one may have reached QuickBooks. */
    void attempting(String requestId) {
        jdbc.update("update qb_outbox set attempts = attempts + 1, updated_at = ? where request_id = ?",
                Timestamp.from(clock.instant()), requestId);
    }

    void confirmed(String requestId, String qbId, String syncToken, BigDecimal qbAmount, String payloadHash) {
        jdbc.update("""
                update qb_outbox set status = case when payload_hash = ? then 'CONFIRMED' else status end, qb_id = ?, sync_token = ?,
                    qb_amount = ?, posted_hash = ?, error = null, updated_at = ? where request_id = ?""",
                payloadHash, qbId, syncToken, qbAmount, payloadHash, Timestamp.from(clock.instant()), requestId);
    }

    void failed(String requestId, String error) {
        jdbc.update("update qb_outbox set status = 'FAILED', error = ?, updated_at = ? where request_id = ?",
                truncate(error), Timestamp.from(clock.instant()), requestId);
    }

    void stillPending(String requestId, String error) {
        jdbc.update("update qb_outbox set error = ?, updated_at = ? where request_id = ?", truncate(error),
                Timestamp.from(clock.instant()), requestId);
    }

    /** A FAILED posting goes back to PENDING (dead-letter replay after the cause was fixed in QuickBooks). */
    public boolean requeue(String requestId) {
        return jdbc.update("update qb_outbox set status = 'PENDING', updated_at = ? where request_id = ? and status = 'FAILED'",
                Timestamp.from(clock.instant()), requestId) == 1;
    }

    long countByStatus(String status) {
        Long count = jdbc.queryForObject("select count(*) from qb_outbox where status = ?", Long.class, status);
        return count == null ? 0 : count;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }

    static String hashOf(String payload, String vendorName) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((payload + '|' + vendorName).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
