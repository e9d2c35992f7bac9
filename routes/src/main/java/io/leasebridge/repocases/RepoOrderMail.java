package io.leasebridge.repocases;

import io.leasebridge.config.RepoProperties;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.RunHistory;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.observability.FlowLogContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sends queued repo orders to their agents by email, then records them sent and attaches them to the
 * Case. A mail server that refuses leaves the order queued for the next run. An order is claimed (another node
 * skips it) and marked SENDING under its case's own Message-ID before the mail server is called, so a crash after
 * the server took it resends it at most once, as the same message.
 */
@Service
public class RepoOrderMail {

    public static final String FLOW = "repo-order-mail";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(RepoOrderMail.class);

    private final RepoCaseStore store;
    private final SalesforceOutbox salesforceOutbox;
    private final ProducerTemplate producer;
    private final RepoProperties properties;
    private final RunHistory runs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<String> sent = new ArrayList<>();

    public RepoOrderMail(RepoCaseStore store, SalesforceOutbox salesforceOutbox, ProducerTemplate producer,
                         RepoProperties properties, RunHistory runs, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.salesforceOutbox = salesforceOutbox;
        this.producer = producer;
        this.properties = properties;
        this.runs = runs;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Who the last run sent orders to, one line each, for the run summary. */
    public synchronized List<String> lastSent() {
        return List.copyOf(sent);
    }

    public synchronized RunCounts sendPending() {
        sent.clear();
        long runId = runs.start(FLOW, null);
        long delivered = 0;
        try (FlowLogContext logContext = FlowLogContext.enter(FLOW, runId)) {
            List<RepoCaseStore.QueuedOrder> pending = store.claimOrders(BATCH);
            try {
                delivered = send(pending);
            } finally {
                store.releaseOrders(pending);
            }
            runs.finish(runId, new RunCounts(pending.size(), 0, delivered, 0, 0, 0), null);
        } catch (MailNotTaken e) {
            delivered = e.delivered;
            log.error("{}: the mail server did not take a repo order; it stays queued: {}", FLOW, e.getCause().getMessage());
            runs.finish(runId, new RunCounts(delivered, 0, delivered, 0, 0, 0), "mail: " + e.getCause().getMessage());
        }
        return new RunCounts(delivered, 0, delivered, 0, 0, 0);
    }

    /** The Message-ID of a case's repo order: the same on every try, so that a resend is recognisably the same mail. */
    static String messageId(String caseId) {
        return "<repo-order." + caseId + "@leasebridge>";
    }

    private long send(List<RepoCaseStore.QueuedOrder> pending) {
        long delivered = 0;
        for (RepoCaseStore.QueuedOrder order : pending) {
            try {
                String messageId = messageId(order.caseId());
                store.markOrderSending(order.caseId(), messageId);
                producer.sendBodyAndHeaders(RepoCaseRoutes.SEND, order.body(), Map.of(
                        "To", order.recipient(), "From", properties.mail().from(), "Subject", order.subject(),
                        "Message-ID", messageId, "Content-Type", "text/plain; charset=UTF-8"));
                Instant sentAt = clock.instant();
                transaction.executeWithoutResult(status -> {
                    store.markOrderSent(order.caseId(), sentAt);
                    String refusal = store.find(order.caseId()).map(RepoCaseStore.StoredCase::refusal).orElse(null);
                    salesforceOutbox.enqueue(List.of(SalesforceRecords.repoCase(order.caseId(), refusal, order.body(), sentAt)));
                });
                sent.add(order.subject() + " -> " + order.recipient());
                delivered++;
            } catch (RuntimeException e) {
                throw new MailNotTaken(delivered, e);
            }
        }
        return delivered;
    }

    /** The mail server refused an order; carries how many went before it. */
    private static final class MailNotTaken extends RuntimeException {
        private final long delivered;

        MailNotTaken(long delivered, RuntimeException cause) {
            super(cause);
            this.delivered = delivered;
        }
    }
}
