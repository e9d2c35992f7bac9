package io.leasebridge.salesforce;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class JobPollWaitsTest {

    @Test
    void eachWaitIsTwiceTheLastUntilTheLongest() {
        JobPollWaits waits = new JobPollWaits(Duration.ofSeconds(2), Duration.ofSeconds(30));

        assertThat(Stream.generate(waits::next).limit(7).map(Duration::toSeconds))
                .containsExactly(2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aLongestShorterThanTheFirstWaitKeepsTheFirst() {
        JobPollWaits waits = new JobPollWaits(Duration.ofSeconds(5), Duration.ofSeconds(1));

        assertThat(Stream.generate(waits::next).limit(3).map(Duration::toSeconds)).containsExactly(5L, 5L, 5L);
    }

    @Test
    void aMillionRowJobOfAboutAMinuteTakesSixReadsInsteadOfThirty() {
        JobPollWaits waits = new JobPollWaits(Duration.ofSeconds(2), Duration.ofSeconds(30));
        Duration waited = Duration.ZERO;
        int reads = 0;
        while (waited.compareTo(Duration.ofSeconds(52)) < 0) {
            waited = waited.plus(waits.next());
            reads++;
        }

        assertThat(reads).isEqualTo(5);
    }
}
