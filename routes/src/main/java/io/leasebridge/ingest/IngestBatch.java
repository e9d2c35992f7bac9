package io.leasebridge.ingest;

import io.leasebridge.hub.DeadLetter;
import io.leasebridge.mapping.MappedRow;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of one export collected for one transaction: the valid rows' canonical records, and rejects. What the writing
 * thread needs of the valid rows (their records by name, the keys that close dead letters) is gathered as they are
 * added, on the reading thread.
 */
final class IngestBatch {

    /** The writer that takes the batch, where several write side by side ({@link WriterLanes}). */
    final int lane;
    final List<MappedRow> valid = new ArrayList<>();
    final List<DeadLetter> rejects = new ArrayList<>();
    /** The content hashes of the valid rows' records, worked out on the reading thread, by record instance. */
    final Map<Record, String> contentHashes;
    private final Map<String, List<Record>> records = new LinkedHashMap<>();
    private final List<String> recordKeys = new ArrayList<>();

    /** A batch outside the lanes, with at most one valid row: a row written alone, or the rejects of a refused batch. */
    IngestBatch() {
        this(0, 0);
    }

    /** @param rows how many rows the batch will take, so that its hashes are not copied as it grows */
    IngestBatch(int lane, int rows) {
        this.lane = lane;
        this.contentHashes = new IdentityHashMap<>(rows);
    }

    static IngestBatch of(MappedRow row, String recordKey) {
        IngestBatch batch = new IngestBatch();
        batch.add(row, recordKey);
        return batch;
    }

    /** @param recordKey the key of the row's record, null when the row does not tell it */
    void add(MappedRow row, String recordKey) {
        valid.add(row);
        row.records().forEach((name, record) -> records.computeIfAbsent(name, n -> new ArrayList<>()).add(record));
        if (recordKey != null) {
            recordKeys.add(recordKey);
        }
    }

    void reject(DeadLetter deadLetter) {
        rejects.add(deadLetter);
    }

    /** Canonical records by field-map record name, in row order. */
    Map<String, List<Record>> records() {
        return records;
    }

    /** The keys of the valid rows' records, where the rows tell them: each closes its record's open dead letter. */
    List<String> recordKeys() {
        return recordKeys;
    }

    int rows() {
        return valid.size() + rejects.size();
    }

    boolean isEmpty() {
        return rows() == 0;
    }
}
