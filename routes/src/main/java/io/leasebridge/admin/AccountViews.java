package io.leasebridge.admin;

import io.leasebridge.agency.AgencyReturnStore;
import io.leasebridge.agency.PlacementStore;
import io.leasebridge.calls.ContactStandings;
import io.leasebridge.hub.ExternalWrite;
import io.leasebridge.hub.ExternalWrites;
import io.leasebridge.ledger.ProjectedPromise;
import io.leasebridge.ledger.PromiseLedgerStore;
import io.leasebridge.ledger.PromiseStatus;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Vehicle;
import io.leasebridge.repocases.RepoCaseStore;
import io.leasebridge.vehicles.VehicleStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads one lease with everything the hub holds about it, all from one snapshot where the database keeps them. */
@Service
class AccountViews {

    private final JdbcTemplate jdbc;
    private final PromiseLedgerStore ledger;
    private final ExternalWrites externalWrites;
    private final VehicleStore vehicleStore;
    private final RepoCaseStore repoCases;
    private final ContactStandings contactStandings;
    private final PlacementStore placements;
    private final AgencyReturnStore agencyReturns;

    AccountViews(JdbcTemplate jdbc, ExternalWrites externalWrites, VehicleStore vehicleStore, RepoCaseStore repoCases,
                 ContactStandings contactStandings, PlacementStore placements, AgencyReturnStore agencyReturns) {
        this.jdbc = jdbc;
        this.placements = placements;
        this.agencyReturns = agencyReturns;
        this.contactStandings = contactStandings;
        this.vehicleStore = vehicleStore;
        this.repoCases = repoCases;
        this.ledger = new PromiseLedgerStore(jdbc);
        this.externalWrites = externalWrites;
    }

    /**
     * Every write LeaseBridge made to an external system for this lease: the lease, its customer, payments,
     * notes, promises and the tasks of its broken promises.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<ExternalWrite> writes(String leaseId) {
        AccountView account = of(leaseId);
        Set<String> ids = new LinkedHashSet<>();
        ids.add(leaseId);
        ids.add(account.lease().customerId());
        account.payments().forEach(p -> ids.add(p.paymentId()));
        account.collectorNotes().forEach(n -> ids.add(n.noteId()));
        account.promises().forEach(p -> {
            ids.add(p.promiseId());
            ids.add("BROKEN-" + p.promiseId());
        });
        return externalWrites.ofRecords(ids);
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AccountView of(String leaseId) {
        LeaseAccount lease = jdbc.query("""
                select lease_id, customer_id, status, next_due_date, days_past_due, past_due_amount, late_fees, payoff_balance,
                       payments_made, last_payment_date, last_payment_amount, collector, vin, gps_disclosure, garaging_state,
                       garaging_latitude, garaging_longitude from lease_account where lease_id = ?""",
                (rs, n) -> new LeaseAccount(rs.getString(1), rs.getString(2), rs.getString(3), date(rs.getDate(4)), rs.getInt(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getInt(9), date(rs.getDate(10)),
                        rs.getBigDecimal(11), rs.getString(12), rs.getString(13), (Boolean) rs.getObject(14, Boolean.class),
                        rs.getString(15), rs.getBigDecimal(16), rs.getBigDecimal(17)), leaseId)
                .stream().findFirst()
                .orElseThrow(() -> ApiProblem.notFound("unknown lease", "no lease " + leaseId + " in the hub"));
        Customer customer = jdbc.query("""
                select customer_id, name, primary_phone, mobile_phone, email, street, city, state, postal_code, time_zone,
                       do_not_call, do_not_text, text_consent, email_consent, preference_source from customer where customer_id = ?""",
                (rs, n) -> new Customer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getBoolean(11),
                        rs.getBoolean(12), rs.getBoolean(13), rs.getBoolean(14), rs.getString(15)), lease.customerId())
                .stream().findFirst().orElse(null);
        var payments = jdbc.query("""
                select payment_id, lease_id, amount, received_date, method, reversal_of from payment where lease_id = ?
                order by received_date, payment_id""",
                (rs, n) -> new Payment(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), date(rs.getDate(4)), rs.getString(5),
                        rs.getString(6)), leaseId);
        var notes = jdbc.query("""
                select note_id, lease_id, author, noted_at, text from collector_note where lease_id = ? order by noted_at, note_id""",
                (rs, n) -> new CollectorNote(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5)), leaseId);
        var promises = jdbc.query("""
                select promise_id, lease_id, amount, promised_date, made_on, made_by, status, amount_applied, judged_on, amended_count
                from promise where lease_id = ? order by made_on, promise_id""",
                (rs, n) -> new ProjectedPromise(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), date(rs.getDate(4)),
                        date(rs.getDate(5)), rs.getString(6), PromiseStatus.valueOf(rs.getString(7)), rs.getBigDecimal(8),
                        date(rs.getDate(9)), rs.getInt(10)), leaseId);
        return new AccountView(lease, customer, payments, notes, promises, ledger.history(leaseId), vehicles(leaseId),
                contactStandings.current(leaseId).orElse(null), agencyPlacements(leaseId));
    }

    private List<AccountView.AgencyPlacementView> agencyPlacements(String leaseId) {
        List<AgencyReturnStore.Reported> reports = agencyReturns.forLease(leaseId);
        return placements.ofLease(leaseId).stream().map(p -> new AccountView.AgencyPlacementView(p,
                reports.stream().filter(r -> r.placementId().equals(p.placementId())).toList())).toList();
    }

    private List<VehicleView> vehicles(String leaseId) {
        List<VehicleView> views = new java.util.ArrayList<>();
        for (Vehicle vehicle : vehicleStore.onLease(leaseId)) {
            VehicleView.Location location = jdbc.query("""
                    select provider, latitude, longitude, located_at, gps_status from vehicle_location where vin = ?""",
                    (rs, n) -> new VehicleView.Location(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5)), vehicle.vin()).stream().findFirst().orElse(null);
            List<VehicleView.RepoCase> cases = jdbc.query("""
                    select case_id, case_number, status, refusal from repo_case where vin = ? order by case_number""",
                    (rs, n) -> new VehicleView.RepoCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            repoCases.timeline(rs.getString(1))), vehicle.vin());
            views.add(new VehicleView(vehicle, location, cases));
        }
        return views;
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
