package io.leasebridge.ingest;

import io.leasebridge.hub.CanonicalTables;
import io.leasebridge.hub.HubStore;
import io.leasebridge.ingest.CanonicalSink.OnChange;
import io.leasebridge.mapping.salesforce.SObjectRecord;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;
import io.leasebridge.promises.PromiseLedgerService;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Every record name of the field map and the sink that takes it. */
@Component
public class RecordSinks {

    private final Map<String, RecordSink<?>> byName;

    public RecordSinks(HubStore hub, PromiseLedgerService ledger, DaysPastDueHistory history, GlSummarySink glSummary) {
        this.byName = Stream.of(
                        new CanonicalSink<>("customer", CanonicalTables.CUSTOMER, Customer::customerId, SalesforceRecords::account, hub,
                                OnChange.nothing()),
                        new CanonicalSink<>("lease", CanonicalTables.LEASE, LeaseAccount::customerId, SalesforceRecords::lease, hub,
                                (changed, file, toSalesforce) -> history.record(changed, file.asOf())),
                        new CanonicalSink<>("payment", CanonicalTables.PAYMENT, Payment::leaseId, SalesforceRecords::payment, hub,
                                (changed, file, toSalesforce) -> ledger.paymentsReceived(changed, toSalesforce)),
                        new CanonicalSink<>("note", CanonicalTables.COLLECTOR_NOTE, CollectorNote::leaseId, SalesforceRecords::collectorNote,
                                hub, OnChange.nothing()),
                        new PromiseSink(ledger),
                        glSummary)
                .collect(Collectors.toMap(RecordSink::recordName, Function.identity()));
    }

    public RecordSink<?> forRecord(String name) {
        return Optional.ofNullable(byName.get(name))
                .orElseThrow(() -> new IllegalArgumentException("no sink for record '" + name + "'"));
    }

    /**
     * A promise snapshot goes to the ledger, unless a later one was read before it. After the file, a lease whose row was quarantined keeps its
     * promise open but unconfirmed; the other leases it did not show have lost their promise.
     */
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
        public String writerKey(Promise record) {
            return record.leaseId();
        }

        @Override
        public long write(List<Promise> records, Map<Record, String> contentHashes, ExportFile file,
                          List<SObjectRecord> toSalesforce) {
            if (file.superseded()) {
                return 0;
            }
            records.forEach(p -> file.sawLease(p.leaseId()));
            return ledger.capture(records, file.asOf(), toSalesforce);
        }

        @Override
        public long fileDone(ExportFile file, List<SObjectRecord> toSalesforce) {
            if (file.superseded()) {
                return 0;
            }
            Set<String> inDoubt = file.keysOnlyQuarantined();
            long changed = ledger.rowsQuarantined(inDoubt, file.asOf(), toSalesforce);
            if (file.noInferenceBecause().isPresent()) {
                return changed;
            }
            Set<String> accounted = new HashSet<>(file.leasesSeen());
            accounted.addAll(inDoubt);
            return changed + ledger.snapshotComplete(accounted, file.asOf(), toSalesforce);
        }
    }
}
