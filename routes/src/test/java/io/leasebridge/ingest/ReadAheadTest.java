package io.leasebridge.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    @Test
    void batchesComeOutInTheOrderTheyWereReadThenWhatTheReadingReturned() {
        List<Integer> taken = new ArrayList<>();
        try (ReadAhead<Integer, String> reading = ReadAhead.start("test-read", handOver -> {
            for (int i = 1; i <= 25; i++) {
                handOver.accept(i);
            }
            return "25 batches and a rest";
        })) {
            for (Optional<Integer> batch = reading.next(); batch.isPresent(); batch = reading.next()) {
                taken.add(batch.get());
            }
            assertThat(reading.result()).isEqualTo("25 batches and a rest");
            assertThat(reading.next()).isEmpty();
        }
        assertThat(taken).hasSize(25).isSorted().startsWith(1).endsWith(25);
    }

    @Test
    void whatTheReadingThrowsIsThrownToTheWriterAfterTheBatchesHandedOverBeforeIt() {
        IllegalArgumentException unreadable = new IllegalArgumentException("line 7: not UTF-8");
        try (ReadAhead<Integer, String> reading = ReadAhead.start("test-read", handOver -> {
            handOver.accept(1);
            throw unreadable;
        })) {
            assertThat(reading.next()).contains(1);
            assertThatThrownBy(reading::next).isSameAs(unreadable);
            assertThatThrownBy(reading::result).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theResultIsRefusedWhileTheReadingIsNotDone() {
        try (ReadAhead<Integer, String> reading = ReadAhead.start("test-read", handOver -> {
            handOver.accept(1);
            return "done";
        })) {
            assertThatThrownBy(reading::result).isInstanceOf(IllegalStateException.class).hasMessageContaining("not done");
        }
    }

    @Test
    void aWriterThatStopsEarlyStopsTheReadingAndWaitsUntilItHasLetGoOfItsFile() throws InterruptedException {
        CountDownLatch blockedAhead = new CountDownLatch(1);
        AtomicBoolean fileClosed = new AtomicBoolean();
        AtomicBoolean readToTheEnd = new AtomicBoolean();
        ReadAhead<Integer, String> reading = ReadAhead.start("test-read", handOver -> {
            try {
                for (int i = 1; i <= 1_000; i++) {
                    if (i == ReadAhead.BATCHES_AHEAD + 2) {
                        blockedAhead.countDown();
                    }
                    handOver.accept(i);
                }
                readToTheEnd.set(true);
                return "all";
            } finally {
                fileClosed.set(true);
            }
        });
        assertThat(reading.next()).contains(1);
        assertThat(blockedAhead.await(30, TimeUnit.SECONDS)).isTrue();

        reading.close();

        assertThat(fileClosed).isTrue();
        assertThat(readToTheEnd).isFalse();
    }

    @Test
    void theReadingRunsOnAThreadOfItsOwnNamedForTheFlow() {
        try (ReadAhead<String, String> reading = ReadAhead.start("leaseworks-payments-read", handOver -> {
            handOver.accept(Thread.currentThread().getName());
            return "";
        })) {
            assertThat(reading.next()).contains("leaseworks-payments-read");
            assertThat(Thread.currentThread().getName()).isNotEqualTo("leaseworks-payments-read");
        }
    }
}
