package io.leasebridge.ingest;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriterLanesTest {

    private record Batch(int lane, int number) {
    }

    @Test
    void eachLaneWritesItsBatchesInTheOrderHandedOverAndFinishWaitsForAll() {
        List<Batch> written = Collections.synchronizedList(new ArrayList<>());
        try (WriterLanes<Batch> lanes = WriterLanes.start("test-write", 3, written::add)) {
            for (int i = 0; i < 30; i++) {
                lanes.write(i % 3, new Batch(i % 3, i));
            }
            lanes.finish();
        }
        assertThat(written).hasSize(30);
        for (int lane = 0; lane < 3; lane++) {
            int only = lane;
            assertThat(written.stream().filter(b -> b.lane() == only).map(Batch::number).toList()).hasSize(10).isSorted();
        }
    }

    @Test
    void lanesWriteSideBySide() throws InterruptedException {
        CountDownLatch secondLaneStarted = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (WriterLanes<Batch> lanes = WriterLanes.start("test-write", 2, batch -> {
            if (batch.lane() == 0) {
                // the first lane's batch is still in hand when the second lane's starts
                seen.add(await(secondLaneStarted) ? "second lane wrote beside the first" : "second lane waited");
            } else {
                secondLaneStarted.countDown();
            }
        })) {
            lanes.write(0, new Batch(0, 1));
            lanes.write(1, new Batch(1, 2));
            lanes.finish();
        }
        assertThat(seen).containsExactly("second lane wrote beside the first");
    }

    @Test
    void oneLaneWritesOnTheCallingThreadAsBatchesAreHandedOver() {
        List<String> threads = new ArrayList<>();
        try (WriterLanes<Batch> lanes = WriterLanes.start("test-write", 1, batch -> threads.add(Thread.currentThread().getName()))) {
            lanes.write(0, new Batch(0, 1));
            assertThat(threads).containsExactly(Thread.currentThread().getName());
            lanes.finish();
        }
    }

    @Test
    void theFirstFailureStopsEveryLaneAndIsThrownToTheCaller() {
        IllegalStateException refused = new IllegalStateException("the hub refused batch 3");
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstWritten = new CountDownLatch(1);
        WriterLanes<Batch> lanes = WriterLanes.start("test-write", 2, batch -> {
            if (batch.number() == 3) {
                // fails only once the other lane's batch is written, which a failure would otherwise drop
                await(firstWritten);
                throw refused;
            }
            written.add(batch.number());
            firstWritten.countDown();
        });
        try (lanes) {
            lanes.write(0, new Batch(0, 1));
            lanes.write(1, new Batch(1, 3));
            assertThatThrownBy(lanes::finish).isSameAs(refused);
            assertThatThrownBy(() -> lanes.write(0, new Batch(0, 4))).as("nothing more is taken").isSameAs(refused);
        }
        assertThat(written).containsExactly(1);
    }

    @Test
    void thereIsAtLeastOneWriter() {
        assertThatThrownBy(() -> WriterLanes.start("test-write", 0, batch -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one writer");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
