package io.leasebridge.reconcile;

import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectType;
import io.leasebridge.quickbooks.QuickBooksHoldings;
import io.leasebridge.quickbooks.QuickBooksOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks each target what it holds now and sets it against the hub, object by object; keeps the last report for the
 * admin API, the page, health and the {@code leasebridge.reconciliation.unexplained} gauge, with each repossession
 * case's costs and final account review as delivered; mends what it can (a record Salesforce lost or changed is sent
 * again, a document QuickBooks lost or voided is posted again).
 */
@Service
public class SystemsReconciliation implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(SystemsReconciliation.class);
    /** Records waiting for a parent are counted; this many of each object are listed by key. */
    private static final int HELD_LISTED = 100;

    private final List<ReconciledObject> objects;
    private final HubDeliveries hub;
    private final LeaseWorksTotals leaseWorks;
    private final SalesforceHoldings salesforce;
    private final SalesforceOutbox outbox;
    private final QuickBooksOutbox quickBooksOutbox;
    private final ReconciliationProperties properties;
    private final Clock clock;
    private final ObjectProvider<QuickBooksHoldings> quickBooks;
    private final RepoCaseDeliveries repoCases;
    private final AtomicReference<SystemsReport> last = new AtomicReference<>();

    SystemsReconciliation(ReconciliationProperties properties, HubDeliveries hub, LeaseWorksTotals leaseWorks,
                          SalesforceHoldings salesforce, SalesforceOutbox outbox, QuickBooksOutbox quickBooksOutbox, Clock clock,
                          ObjectProvider<QuickBooksHoldings> quickBooks, RepoCaseDeliveries repoCases) {
        this.quickBooksOutbox = quickBooksOutbox;
        this.objects = properties.salesforce().stream().map(SystemsReconciliation::object).toList();
        this.hub = hub;
        this.leaseWorks = leaseWorks;
        this.salesforce = salesforce;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        this.quickBooks = quickBooks;
        this.repoCases = repoCases;
    }

    public SystemsReport reconcile() {
        long callsBefore = salesforce.calls();
        LocalDate since = LocalDate.now(clock).minusDays(properties.days() - 1L);
        SalesforceReconciler reconciler = new SalesforceReconciler(salesforce, properties.listBelow());
        List<ObjectCheck> checks = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            ReconciledObject object = objects.get(i);
            checks.add(reconciler.reconcile(object, hub.records(object), hub.heldKeys(object, HELD_LISTED),
                    hub.waitingForParent(object), since).withSource(leaseWorks.of(properties.salesforce().get(i), since)));
        }
        QuickBooksHoldings books = quickBooks.getIfAvailable();
        long booksBefore = books == null ? 0 : books.calls();
        List<ObjectCheck> documents = books == null ? List.of() : new QuickBooksReconciler(books).reconcile(since);
        SystemsReport report = new SystemsReport(clock.instant(), since, List.copyOf(checks), salesforce.calls() - callsBefore,
                documents, books == null ? 0 : books.calls() - booksBefore, repoCases.cases());
        last.set(report);
        log.info("reconciliation: {} objects, {} unexplained differences, {} Salesforce and {} QuickBooks API calls", checks.size(),
                report.unexplained(), report.salesforceCalls(), report.quickBooksCalls());
        return report;
    }

    public Optional<SystemsReport> last() {
        return Optional.ofNullable(last.get());
    }

    /** Sends the hub's record again; false when it was not delivered (it is on its way, or refused). */
    public boolean resend(String object, String externalId) {
        return outbox.resend(object(new ReconciliationProperties.SalesforceObject(object, null, null, null, null)).type(), externalId);
    }

    /**
     * Sends a record again to the system the difference was found in: Salesforce as {@link #resend(String, String)},
     * QuickBooks as a new document in place of one deleted or voided there (key: its DocNumber). False when there is
     * no such record to send again.
     */
    public boolean resend(String system, String object, String key) {
        return QuickBooksReconciler.QUICKBOOKS.equals(system) ? quickBooksOutbox.repost(object, key) : resend(object, key);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("leasebridge.reconciliation.unexplained", this, r -> r.last().map(SystemsReport::unexplained).orElse(0L))
                .description("differences between a target and the hub that nothing in the hub explains, at the last reconciliation")
                .register(registry);
    }

    private static ReconciledObject object(ReconciliationProperties.SalesforceObject configured) {
        SObjectType type = Arrays.stream(SObjectType.values())
                .filter(t -> t.apiName().equals(configured.object()) && t.facet().isEmpty() && !"Id".equals(t.externalIdField()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("leasebridge.reconciliation.salesforce: " + configured.object()
                        + " is not an object LeaseBridge writes by external id"));
        return new ReconciledObject(type, blankToEmpty(configured.amountField()), blankToEmpty(configured.dayField()));
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
