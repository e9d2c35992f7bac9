package io.leasebridge.hub;

import io.leasebridge.hub.sql.ColumnArrays;
import io.leasebridge.hub.sql.HubDatabase;
import io.leasebridge.hub.sql.KeyLookup;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What the last LeaseWorks export says of a lease, its customer, payments and collector notes: the query side of the
 * canonical tables {@link HubStore} writes, for every feature that asks about one lease or a batch of them.
 */
@Repository
public class LeaseAccounts {

    private static final RowMapper<LeaseAccount> LEASE = (rs, n) -> new LeaseAccount(rs.getString(1), rs.getString(2),
            rs.getString(3), date(rs.getDate(4)), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
            rs.getInt(9), date(rs.getDate(10)), rs.getBigDecimal(11), rs.getString(12), rs.getString(13),
            rs.getObject(14, Boolean.class), rs.getString(15), rs.getBigDecimal(16), rs.getBigDecimal(17));
    private static final RowMapper<Payment> PAYMENT = (rs, n) -> new Payment(rs.getString(1), rs.getString(2),
            rs.getBigDecimal(3), date(rs.getDate(4)), rs.getString(5), rs.getString(6));

    private static final String PAYMENT_COLUMNS = "p.payment_id, p.lease_id, p.amount, p.received_date, p.method, p.reversal_of";
    private static final String LEASES_AND_DAYS = ColumnArrays.unnest("character varying", "date") + " k (id, since)";
    /*
     * PostgreSQL: the payments from the day on through the lease's index on its dates, and the earlier reversals through
     * their own partial index, so that only the pages of the payments asked for are read.
     */
    private static final String PAYMENTS_RECEIVED_FROM_POSTGRES = """
            select %1$s from %2$s join payment p on p.lease_id = k.id and p.received_date >= k.since
            union all
            select %1$s from %2$s join payment p on p.lease_id = k.id and p.reversal_of is not null where p.received_date < k.since"""
            .formatted(PAYMENT_COLUMNS, LEASES_AND_DAYS);
    /* H2: without a partial index for the reversals, one look-up of all of the lease's payments costs less than two. */
    private static final String PAYMENTS_RECEIVED_FROM_H2 = """
            select %s from %s join payment p on p.lease_id = k.id where p.received_date >= k.since or p.reversal_of is not null"""
            .formatted(PAYMENT_COLUMNS, LEASES_AND_DAYS);

    private final JdbcTemplate jdbc;
    private final Supplier<HubDatabase> database;

    public LeaseAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.database = HubDatabase.askedOnFirstUse(jdbc);
    }

    public Optional<LeaseAccount> find(String leaseId) {
        return jdbc.query("""
                select lease_id, customer_id, status, next_due_date, days_past_due, past_due_amount, late_fees, payoff_balance,
                       payments_made, last_payment_date, last_payment_amount, collector, vin, gps_disclosure, garaging_state,
                       garaging_latitude, garaging_longitude from lease_account where lease_id = ?""", LEASE, leaseId)
                .stream().findFirst();
    }

    public Optional<Customer> customer(String customerId) {
        return jdbc.query("""
                select customer_id, name, primary_phone, mobile_phone, email, street, city, state, postal_code, time_zone,
                       do_not_call, do_not_text, text_consent, email_consent, preference_source from customer where customer_id = ?""",
                (rs, n) -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11),
                        rs.getBoolean(12), rs.getBoolean(13), rs.getBoolean(14), rs.getString(15)), customerId)
                .stream().findFirst();
    }

    /** The lease's collector; empty when the lease is unknown or has none. */
    public Optional<String> collector(String leaseId) {
        return Optional.ofNullable(jdbc.query("select collector from lease_account where lease_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, leaseId));
    }

    /** The collectors of those of {@code leaseIds} that have one, by lease. */
    public Map<String, String> collectors(Collection<String> leaseIds) {
        Map<String, String> collectors = new HashMap<>();
        KeyLookup.rows(jdbc, "select l.lease_id, l.collector from unnest(?) k (id) join lease_account l on l.lease_id = k.id"
                + " where l.collector is not null", leaseIds, (rs, n) -> collectors.put(rs.getString(1), rs.getString(2)));
        return collectors;
    }

    /** Those of {@code leaseIds} the hub holds. */
    public Set<String> held(Collection<String> leaseIds) {
        return new HashSet<>(KeyLookup.rows(jdbc, "select l.lease_id from unnest(?) k (id) join lease_account l on l.lease_id = k.id",
                leaseIds, (rs, n) -> rs.getString(1)));
    }

    /** The lease's payments, oldest first. */
    public List<Payment> payments(String leaseId) {
        return jdbc.query("""
                select payment_id, lease_id, amount, received_date, method, reversal_of from payment where lease_id = ?
                order by received_date, payment_id""", PAYMENT, leaseId);
    }

    /**
     * The payments of these leases received on or after the lease's day, and all of their reversals whatever their
     * date, in no particular order: what the promise ledger needs, without a lease's years of earlier payments.
     */
    public List<Payment> paymentsReceivedFrom(Map<String, LocalDate> dayByLease) {
        if (dayByLease.isEmpty()) {
            return List.of();
        }
        List<Object[]> leases = dayByLease.entrySet().stream().map(e -> new Object[]{e.getKey(), e.getValue()}).toList();
        if (database.get() == HubDatabase.POSTGRESQL) {
            return jdbc.query(PAYMENTS_RECEIVED_FROM_POSTGRES, ps -> {
                ColumnArrays.bind(ps, 1, leases, 2);
                ColumnArrays.bind(ps, 3, leases, 2);
            }, PAYMENT);
        }
        return jdbc.query(PAYMENTS_RECEIVED_FROM_H2, ps -> ColumnArrays.bind(ps, 1, leases, 2), PAYMENT);
    }

    /** The lease's collector notes, oldest first. */
    public List<CollectorNote> notes(String leaseId) {
        return jdbc.query("""
                select note_id, lease_id, author, noted_at, text from collector_note where lease_id = ? order by noted_at, note_id""",
                (rs, n) -> new CollectorNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5)), leaseId);
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** Customers by their contact preferences' source, for the sources that start with {@code prefix}. */
    public Map<String, Long> customersByPreferenceSource(String prefix) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query("select preference_source, count(*) from customer where preference_source like ? group by preference_source",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, prefix + "%");
        return counts;
    }

}
