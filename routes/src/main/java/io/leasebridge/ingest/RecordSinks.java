package io.leasebridge.ingest;

import io.leasebridge.hub.CanonicalTables;
import io.leasebridge.hub.HubStore;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;
import io.leasebridge.promises.PromiseLedgerService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every record name of the field map and the sink that takes it. */
@Component
public class RecordSinks {

    private final Map<String, RecordSink<?>> byName;

    public RecordSinks(HubStore hub, PromiseLedgerService ledger, DaysPastDueHistory history) {
        CanonicalSink<Payment> payments = new CanonicalSink<>("payment", CanonicalTables.PAYMENT, SalesforceRecords::payment, hub);
        this.byName = Stream.of(
                        new CanonicalSink<>("customer", CanonicalTables.CUSTOMER, SalesforceRecords::account, hub),
                        new LeaseSink(new CanonicalSink<>("lease", CanonicalTables.LEASE, SalesforceRecords::lease, hub), history),
                        new CanonicalSink<>("note", CanonicalTables.COLLECTOR_NOTE, SalesforceRecords::collectorNote, hub),
                        new PaymentSink(payments, ledger),
                        new PromiseSink(ledger))
                .collect(Collectors.toMap(RecordSink::recordName, Function.identity()));
    }

    public RecordSink<?> forRecord(String name) {
        return Optional.ofNullable(byName.get(name))
                .orElseThrow(() -> new IllegalArgumentException("no sink for record '" + name + "'"));
    }

    /** Leases go to the hub; a changed days-past-due is also kept in the history as of the export's day. */
    private record LeaseSink(CanonicalSink<LeaseAccount> hub, DaysPastDueHistory history) implements RecordSink<LeaseAccount> {

        @Override
        public String recordName() {
            return "lease";
        }

        @Override
        public Class<LeaseAccount> type() {
            return LeaseAccount.class;
        }

        @Override
        public long write(List<LeaseAccount> records, ExportFile file, List<SObjectRecord> toSalesforce) {
            List<LeaseAccount> changed = hub.upsert(records);
            changed.forEach(lease -> toSalesforce.add(SalesforceRecords.lease(lease)));
            history.record(changed, file.asOf());
            return changed.size();
        }
    }

    /** Payments go to the hub; the new ones are also applied to the lease's open promises. */
    private record PaymentSink(CanonicalSink<Payment> hub, PromiseLedgerService ledger) implements RecordSink<Payment> {

        @Override
        public String recordName() {
            return "payment";
        }

        @Override
        public Class<Payment> type() {
            return Payment.class;
        }

        @Override
        public long write(List<Payment> records, ExportFile file, List<SObjectRecord> toSalesforce) {
            List<Payment> changed = hub.upsert(records);
            changed.forEach(payment -> toSalesforce.add(SalesforceRecords.payment(payment)));
            ledger.paymentsReceived(changed, toSalesforce);
            return changed.size();
        }
    }

    /** A promise snapshot goes to the ledger; after the file, leases it did not show have lost their promise. */
    private record PromiseSink(PromiseLedgerService ledger) implements RecordSink<Promise> {

        @Override
        public String recordName() {
            return "promise";
        }

        @Override
        public Class<Promise> type() {
            return Promise.class;
        }

        @Override
        public long write(List<Promise> records, ExportFile file, List<SObjectRecord> toSalesforce) {
            records.forEach(p -> file.sawLease(p.leaseId()));
            return ledger.capture(records, file.asOf(), toSalesforce);
        }

        @Override
        public long fileDone(ExportFile file, List<SObjectRecord> toSalesforce) {
            return ledger.snapshotComplete(file.leasesSeen(), file.asOf(), toSalesforce);
        }
    }
}
