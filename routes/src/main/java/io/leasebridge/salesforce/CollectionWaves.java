package io.leasebridge.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Claimed outbox rows of one sObject cut into a wave of sObject Collections calls that run side by side: at most
 * {@code concurrency} calls, each full ({@code batchSize} rows) but perhaps the last, and no parent's children (or one
 * record's versions, for a record without a parent) in two calls of the wave: Salesforce locks the parent of each child
 * it writes, and two calls holding one parent answer {@code UNABLE_TO_LOCK_ROW}. Where a parent's rows do not fit in
 * what is left of a call, the call takes the first of them and the rest wait for the next wave, in their order; so the
 * calls stay full. At the end of a backlog ({@code last}) the remaining rows go one full call at a time, parents'
 * rows together: a backlog of n rows takes ceil(n / batchSize) calls, as one call at a time would.
 */
final class CollectionWaves {

    /** The calls of one wave, and the rows left for the next one. */
    record Wave<T>(List<List<T>> calls, List<T> waiting) {
    }

    private CollectionWaves() {
    }

    static <T> Wave<T> plan(List<T> rows, Function<T, String> groupKey, int batchSize, int concurrency, boolean last) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T row : rows) {
            groups.computeIfAbsent(groupKey.apply(row), k -> new ArrayList<>()).add(row);
        }
        if (last) {
            List<T> together = groups.values().stream().flatMap(List::stream).toList();
            int size = Math.min(batchSize, together.size());
            return new Wave<>(List.of(List.copyOf(together.subList(0, size))), new ArrayList<>(together.subList(size, together.size())));
        }
        List<List<T>> calls = new ArrayList<>();
        List<T> waiting = new ArrayList<>();
        List<T> call = new ArrayList<>();
        for (List<T> group : groups.values()) {
            if (calls.size() == concurrency) {
                waiting.addAll(group);
                continue;
            }
            int room = batchSize - call.size();
            if (group.size() <= room) {
                call.addAll(group);
            } else {
                call.addAll(group.subList(0, room));
                waiting.addAll(group.subList(room, group.size()));
            }
            if (call.size() == batchSize) {
                calls.add(call);
                call = new ArrayList<>();
            }
        }
        if (!call.isEmpty()) {
            calls.add(call);
        }
        return new Wave<>(calls, waiting);
    }
}
