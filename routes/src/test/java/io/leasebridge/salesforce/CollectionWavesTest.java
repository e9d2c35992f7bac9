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
    void callsInOneWaveNeverShareAParentAndAWaveHoldsAtMostTheConcurrency() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            rows.add(new Row(i, "L-" + (i * 7919 % 150)));
        }

        List<List<List<Row>>> waves = CollectionWaves.plan(rows, Row::lease, 200, 4);

        assertThat(waves.stream().flatMap(List::stream).flatMap(List::stream).map(Row::id))
                .as("every row once").containsExactlyInAnyOrderElementsOf(IntStream.range(0, 2_000).boxed().toList());
        for (List<List<Row>> wave : waves) {
            assertThat(wave).hasSizeBetween(1, 4);
            Set<String> parents = new HashSet<>();
            for (List<Row> call : wave) {
                assertThat(call).hasSizeBetween(1, 200);
                Set<String> ofCall = new HashSet<>(call.stream().map(Row::lease).toList());
                assertThat(Collections.disjoint(ofCall, parents)).as("a parent in two calls of one wave").isTrue();
                parents.addAll(ofCall);
            }
        }
        assertThat(waves).as("2,000 rows in calls of 200, four at a time").hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void aParentWithMoreChildrenThanOneCallTakesGoesOutInSuccessiveWavesInClaimOrder() {
        List<Row> rows = new ArrayList<>();
        IntStream.range(0, 450).forEach(i -> rows.add(new Row(i, "L-BIG")));
        IntStream.range(450, 500).forEach(i -> rows.add(new Row(i, "L-" + i)));

        List<List<List<Row>>> waves = CollectionWaves.plan(rows, Row::lease, 200, 4);

        List<Integer> bigInWaveOrder = new ArrayList<>();
        for (List<List<Row>> wave : waves) {
            assertThat(wave.stream().filter(call -> call.stream().anyMatch(r -> r.lease().equals("L-BIG"))).count())
                    .as("calls with L-BIG's children in one wave").isLessThanOrEqualTo(1);
            wave.stream().flatMap(List::stream).filter(r -> r.lease().equals("L-BIG")).forEach(r -> bigInWaveOrder.add(r.id()));
        }
        assertThat(bigInWaveOrder).isEqualTo(IntStream.range(0, 450).boxed().toList());
        assertThat(waves).hasSize(3);
        assertThat(waves.get(0)).as("the other leases' payments go alongside the first call").hasSize(2);
    }

    @Test
    void withConcurrencyOneEveryWaveIsOneCall() {
        List<Row> rows = IntStream.range(0, 700).mapToObj(i -> new Row(i, "L-" + i)).toList();

        List<List<List<Row>>> waves = CollectionWaves.plan(rows, Row::lease, 200, 1);

        assertThat(waves).hasSize(4).allSatisfy(wave -> assertThat(wave).hasSize(1));
        assertThat(waves.stream().flatMap(List::stream).flatMap(List::stream).map(Row::id))
                .containsExactlyElementsOf(IntStream.range(0, 700).boxed().toList());
    }
}
