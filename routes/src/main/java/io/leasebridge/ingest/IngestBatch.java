package io.leasebridge.ingest;

import io.leasebridge.hub.DeadLetter;
import io.leasebridge.mapping.MappedRow;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows of one export collected for one transaction: the valid rows' canonical records, and rejects. */
final class IngestBatch {

    final List<MappedRow> valid = new ArrayList<>();
    final List<DeadLetter> rejects = new ArrayList<>();
    /** The content hashes of the valid rows' records, worked out on the reading thread, by record instance. */
    final Map<Record, String> contentHashes = new IdentityHashMap<>();

    static IngestBatch of(MappedRow row) {
        IngestBatch batch = new IngestBatch();
        batch.add(row);
        return batch;
    }

    void add(MappedRow row) {
        valid.add(row);
    }

    void reject(DeadLetter deadLetter) {
        rejects.add(deadLetter);
    }

    /** Canonical records by field-map record name, in row order. */
    Map<String, List<Record>> records() {
        Map<String, List<Record>> byName = new LinkedHashMap<>();
        valid.forEach(row -> row.records().forEach((name, record) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).add(record)));
        return byName;
    }

    int rows() {
        return valid.size() + rejects.size();
    }

    boolean isEmpty() {
        return rows() == 0;
    }
}
