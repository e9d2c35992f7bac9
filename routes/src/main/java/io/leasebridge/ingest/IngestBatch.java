package io.leasebridge.ingest;

import io.leasebridge.hub.DeadLetter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of one export collected for one transaction: canonical records by record name, and rejects. */
final class IngestBatch {

    final Map<String, List<Record>> records = new LinkedHashMap<>();
    final List<DeadLetter> rejects = new ArrayList<>();
    private int rows;

    void add(Map<String, Record> mapped) {
        mapped.forEach((name, record) -> records.computeIfAbsent(name, n -> new ArrayList<>()).add(record));
        rows++;
    }

    void reject(DeadLetter deadLetter) {
        rejects.add(deadLetter);
        rows++;
    }

    int rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows == 0;
    }
}
