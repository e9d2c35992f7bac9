package io.leasebridge.contact;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextContactTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Instant NOW = Instant.parse("2026-11-10T15:00:00Z");

    @Test
    void aTextSentExactlySevenDaysAgoNoLongerCountsOneSentASecondLaterDoes() {
        TextContact contact = TextContact.of(List.of(
                new TextMessage(Instant.parse("2026-11-03T15:00:00Z"), false),
                new TextMessage(Instant.parse("2026-11-03T15:00:01Z"), false),
                new TextMessage(Instant.parse("2026-11-09T18:30:00Z"), false)), NOW, WEEK);

        assertThat(contact.textsSent7D()).isEqualTo(2);
        assertThat(contact.validUntil()).isEqualTo(Instant.parse("2026-11-10T15:00:01Z"));
        assertThat(contact.lastReplyAt()).isNull();
    }

    @Test
    void aReplyIsTheCustomersLastTextAndNotASentOneAndALaterTextIsNotYetRead() {
        TextContact contact = TextContact.of(List.of(
                new TextMessage(Instant.parse("2026-10-01T12:00:00Z"), true),
                new TextMessage(Instant.parse("2026-11-08T12:05:00Z"), true),
                new TextMessage(Instant.parse("2026-11-10T15:00:01Z"), true),
                new TextMessage(Instant.parse("2026-11-10T15:00:01Z"), false)), NOW, WEEK);

        assertThat(contact.textsSent7D()).isZero();
        assertThat(contact.lastReplyAt()).isEqualTo(Instant.parse("2026-11-08T12:05:00Z"));
        assertThat(contact.validUntil()).isNull();
    }
}
