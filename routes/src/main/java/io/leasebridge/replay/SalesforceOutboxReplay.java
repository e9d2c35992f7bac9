package io.leasebridge.replay;

import io.leasebridge.flow.ReplayHandler;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.SalesforceOutbox;
import io.leasebridge.mapping.salesforce.SObjectType;
import io.leasebridge.salesforce.SalesforceOutboxDrain;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A record Salesforce refused goes back into the outbox; its next delivery decides. */
@Component
@Order(100)
class SalesforceOutboxReplay implements ReplayHandler {

    private final SalesforceOutbox outbox;
    private final DeadLetters deadLetters;

    SalesforceOutboxReplay(SalesforceOutbox outbox, DeadLetters deadLetters) {
        this.outbox = outbox;
        this.deadLetters = deadLetters;
    }

    @Override
    public Optional<ReplayOutcome> replay(long id, DeadLetter letter) {
        if (!SalesforceOutboxDrain.FLOW.equals(letter.flow())) {
            return Optional.empty();
        }
        if (!outbox.requeue(SObjectType.ofRecordType(letter.recordType()), letter.recordKey())) {
            return Optional.of(new ReplayOutcome(id, false, "no failed outbox record " + letter.recordType() + " " + letter.recordKey()));
        }
        deadLetters.markReplayed(id, "queued for Salesforce again");
        return Optional.of(new ReplayOutcome(id, true, "queued for Salesforce again"));
    }
}
