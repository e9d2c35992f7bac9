package io.leasebridge.contact;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Where a lease stands in text contact at one moment: the texts sent to the customer within the same rolling period
 * as call attempts, and the customer's last reply.
 *
 * @param textsSent7D texts sent to the customer within the period before that moment
 * @param lastReplyAt the customer's last text, null if none is known
 * @param validUntil  the moment the count changes with no new text (the oldest counted one leaving the period); null if never
 */
public record TextContact(int textsSent7D, Instant lastReplyAt, Instant validUntil) {

    public static TextContact of(Collection<TextMessage> texts, Instant now, Duration period) {
        List<TextMessage> past = texts.stream().filter(t -> !t.at().isAfter(now)).toList();
        Instant periodStart = now.minus(period);
        List<Instant> sent = past.stream().filter(t -> !t.inbound()).map(TextMessage::at).filter(t -> t.isAfter(periodStart))
                .sorted().toList();
        Instant lastReply = past.stream().filter(TextMessage::inbound).map(TextMessage::at).max(Comparator.naturalOrder()).orElse(null);
        return new TextContact(sent.size(), lastReply, sent.isEmpty() ? null : sent.get(0).plus(period));
    }
}
