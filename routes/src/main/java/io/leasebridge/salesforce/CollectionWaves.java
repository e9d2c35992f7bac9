package io.leasebridge.salesforce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Claimed outbox rows of one sObject cut into sObject Collections calls that may run side by side: the rows of one
 * parent (or of one record, when it has no parent) go into one call where they fit, so that two calls in flight never
 * write children of the same parent (Salesforce locks the parent of each child it writes, and two calls holding the
 * same parent answer {@code UNABLE_TO_LOCK_ROW}). A parent with more children than a call takes spreads over calls
 * that run one wave after another, in claim order. A wave holds at most {@code concurrency} calls.
 */
final class CollectionWaves {

    private CollectionWaves() {
    }

    static <T> List<List<List<T>>> plan(List<T> rows, Function<T, String> groupKey, int batchSize, int concurrency) {
        Map<String, List<T>> groups = new LinkedHashMap<>();
        for (T row : rows) {
            groups.computeIfAbsent(groupKey.apply(row), k -> new ArrayList<>()).add(row);
        }
        List<Batch<T>> batches = new ArrayList<>();
        Batch<T> open = new Batch<>();
        for (Map.Entry<String, List<T>> group : groups.entrySet()) {
            List<T> members = group.getValue();
            if (members.size() > batchSize) {
                for (int from = 0; from < members.size(); from += batchSize) {
                    Batch<T> own = new Batch<>();
                    own.add(group.getKey(), members.subList(from, Math.min(members.size(), from + batchSize)));
                    batches.add(own);
                }
                continue;
            }
            if (open.rows.size() + members.size() > batchSize) {
                batches.add(open);
                open = new Batch<>();
            }
            open.add(group.getKey(), members);
        }
        if (!open.rows.isEmpty()) {
            batches.add(open);
        }

        List<List<Batch<T>>> waves = new ArrayList<>();
        Map<String, Integer> lastWaveOfKey = new HashMap<>();
        for (Batch<T> batch : batches) {
            int earliest = batch.keys.stream().mapToInt(k -> lastWaveOfKey.getOrDefault(k, -1) + 1).max().orElse(0);
            int wave = earliest;
            while (wave < waves.size() && waves.get(wave).size() >= concurrency) {
                wave++;
            }
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(batch);
            for (String key : batch.keys) {
                lastWaveOfKey.put(key, wave);
            }
        }
        return waves.stream().map(w -> w.stream().map(b -> List.copyOf(b.rows)).toList()).toList();
    }

    private static final class Batch<T> {
        final List<T> rows = new ArrayList<>();
        final Set<String> keys = new LinkedHashSet<>();

        void add(String key, List<T> members) {
            keys.add(key);
            rows.addAll(members);
        }
    }
}
