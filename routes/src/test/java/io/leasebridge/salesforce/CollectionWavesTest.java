package io.leasebridge.salesforce;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionWavesTest {

    /** A payment row: its id and the lease (parent) it belongs to. */
    private record Row(int id, String lease) {
    }

    @Test
    void aBacklogGoesInFullCallsWithNoParentInTwoCallsOfAWaveAndEveryRowOnceInItsParentsOrder() {
        List<Row> backlog = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            backlog.add(new Row(i, "L-" + (i * 7919 % 370)));
        }

        List<List<List<Row>>> waves = drain(backlog, 4);

        List<List<Row>> calls = waves.stream().flatMap(List::stream).toList();
        assertThat(calls).as("calls for 5,000 rows at 200 a call").hasSize(25);
        assertThat(calls.subList(0, calls.size() - 1)).allSatisfy(call -> assertThat(call).hasSize(200));
        assertThat(calls.stream().flatMap(List::stream).map(Row::id))
                .as("every row once").containsExactlyInAnyOrderElementsOf(IntStream.range(0, 5_000).boxed().toList());
        for (List<List<Row>> wave : waves) {
            assertThat(wave).hasSizeBetween(1, 4);
            Set<String> parents = new HashSet<>();
            for (List<Row> call : wave) {
                Set<String> ofCall = new HashSet<>(call.stream().map(Row::lease).toList());
                assertThat(Collections.disjoint(ofCall, parents)).as("a parent in two calls of one wave").isTrue();
                parents.addAll(ofCall);
            }
        }
        List<Integer> ofOneLease = calls.stream().flatMap(List::stream).filter(r -> r.lease().equals("L-7")).map(Row::id).toList();
        assertThat(ofOneLease).as("one lease's payments in the order they were queued").isSorted();
    }

    @Test
    void aParentWithMoreChildrenThanOneCallTakesGoesOutOneCallPerWave() {
        List<Row> backlog = new ArrayList<>();
        IntStream.range(0, 450).forEach(i -> backlog.add(new Row(i, "L-BIG")));
        IntStream.range(450, 500).forEach(i -> backlog.add(new Row(i, "L-" + i)));

        List<List<List<Row>>> waves = drain(backlog, 4);

        for (List<List<Row>> wave : waves) {
            assertThat(wave.stream().filter(call -> call.stream().anyMatch(r -> r.lease().equals("L-BIG"))).count())
                    .as("calls with L-BIG's children in one wave").isLessThanOrEqualTo(1);
        }
        assertThat(waves.stream().flatMap(List::stream).flatMap(List::stream).filter(r -> r.lease().equals("L-BIG")).map(Row::id))
                .containsExactlyElementsOf(IntStream.range(0, 450).boxed().toList());
    }

    @Test
    void withConcurrencyOneEveryWaveIsOneFullCall() {
        List<Row> backlog = IntStream.range(0, 700).mapToObj(i -> new Row(i, "L-" + i / 30)).toList();

        List<List<List<Row>>> waves = drain(backlog, 1);

        assertThat(waves).hasSize(4).allSatisfy(wave -> assertThat(wave).hasSize(1));
        assertThat(waves.stream().limit(3).map(w -> w.get(0).size())).containsOnly(200);
        assertThat(waves.stream().flatMap(List::stream).flatMap(List::stream).map(Row::id))
                .containsExactlyElementsOf(IntStream.range(0, 700).boxed().toList());
    }

    /** The drain's loop: claim a wave's worth and a call more after the rows still waiting, plan, send. */
    private static List<List<List<Row>>> drain(List<Row> backlog, int concurrency) {
        List<List<List<Row>>> waves = new ArrayList<>();
        List<Row> waiting = new ArrayList<>();
        int next = 0;
        while (next < backlog.size() || !waiting.isEmpty()) {
            int wanted = 200 * concurrency + 200 - waiting.size();
            int take = Math.max(0, Math.min(backlog.size() - next, wanted));
            List<Row> rows = new ArrayList<>(waiting);
            rows.addAll(backlog.subList(next, next + take));
            next += take;
            CollectionWaves.Wave<Row> wave = CollectionWaves.plan(rows, Row::lease, 200, concurrency, take < wanted);
            waves.add(wave.calls());
            waiting = wave.waiting();
        }
        return waves;
    }
}
