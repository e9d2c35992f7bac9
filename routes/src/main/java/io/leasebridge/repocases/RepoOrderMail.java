package io.leasebridge.repocases;

import io.leasebridge.connectors.mail.RepoOrderMailer;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SalesforceRecords;
import io.leasebridge.flow.FlowRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends queued repo orders to their agents by email, then records them sent and attaches them to the
 * Case. A mail server that refuses leaves the order queued for the next run. An order is claimed (another node
 * skips it) and marked SENDING under its case's own Message-ID before the mail server is called, so a crash after
 * the server took it resends it at most once, as the same message. A recall goes the same way, once its order is
 * sent, in reply to the order so that the agent's mail client shows the two together.
 */
@Service
public class RepoOrderMail {

    public static final String FLOW = "repo-order-mail";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(RepoOrderMail.class);

    private final RepoCaseStore store;
    private final SalesforceOutbox salesforceOutbox;
    private final RepoOrderMailer mailer;
    private final RepoProperties properties;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final List<String> sent = new ArrayList<>();

    public RepoOrderMail(RepoCaseStore store, SalesforceOutbox salesforceOutbox, RepoOrderMailer mailer,
                         RepoProperties properties, FlowRuns runs, TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.salesforceOutbox = salesforceOutbox;
        this.mailer = mailer;
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
        return runs.run(FLOW, null, run -> {
            try {
                return send(run);
            } catch (MailNotTaken e) {
                log.error("{}: the mail server did not take a repo order or recall; it stays queued: {}", FLOW, e.getCause().getMessage());
                RunCounts counts = new RunCounts(e.delivered, 0, e.delivered, 0, 0, 0);
                run.count(counts);
                run.fail("mail: " + e.getCause().getMessage());
                return counts;
            }
        });
    }

    private RunCounts send(FlowRuns.Run run) {
        List<RepoCaseStore.QueuedLetter> pending = store.claimOrders(BATCH);
        long delivered;
        try {
            delivered = send(pending, 0);
        } finally {
            store.release(RepoCaseStore.Letter.ORDER, pending);
        }
        List<RepoCaseStore.QueuedLetter> recalls = store.claimRecalls(BATCH);
        try {
            delivered += send(recalls, delivered);
        } finally {
            store.release(RepoCaseStore.Letter.RECALL, recalls);
        }
        run.count(new RunCounts(pending.size() + recalls.size(), 0, delivered, 0, 0, 0));
        return new RunCounts(delivered, 0, delivered, 0, 0, 0);
    }

    /** The Case shows the order as sent, and its recall once that is sent too. */
    private void writeBackToCase(String caseId) {
        String refusal = store.find(caseId).map(RepoCaseStore.StoredCase::refusal).orElse(null);
        store.sentOrder(caseId).ifPresent(order -> salesforceOutbox.enqueue(
                List.of(SalesforceRecords.repoCase(caseId, refusal, order.body(), order.sentAt()))));
    }

    private long send(List<RepoCaseStore.QueuedLetter> pending, long deliveredBefore) {
        long delivered = 0;
        for (RepoCaseStore.QueuedLetter letter : pending) {
            try {
                store.markSending(letter);
                mailer.send(new RepoOrderMailer.Letter(letter.recipient(), properties.mail().from(), letter.subject(),
                        letter.letter().messageId(letter.caseId()), letter.inReplyTo(), letter.body()));
                Instant sentAt = clock.instant();
                transaction.executeWithoutResult(status -> {
                    store.markSent(letter, sentAt);
                    writeBackToCase(letter.caseId());
                });
                sent.add(letter.subject() + " -> " + letter.recipient());
                delivered++;
            } catch (RuntimeException e) {
                throw new MailNotTaken(deliveredBefore + delivered, e);
            }
        }
        return delivered;
    }

    /** The mail server refused an order or a recall; carries how many went before it. */
    private static final class MailNotTaken extends RuntimeException {
        private final long delivered;

        MailNotTaken(long delivered, RuntimeException cause) {
            super(cause);
            this.delivered = delivered;
        }
    }
}
