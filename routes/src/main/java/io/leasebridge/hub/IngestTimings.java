package io.leasebridge.hub;

import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where an export intake spends its time, by stage: sums of {@link System#nanoTime()} differences, cheap
 * enough to stay on in production (a few calls a row). The backfill benchmark prints them per export.
 */
@Component
public class IngestTimings {

    /**
     * The stages. {@link #PARSE}, {@link #MAP} and an export's {@link #HASH} run on a reading thread of their own, beside
     * the others. {@link #COMMIT} contains {@link #PAYLOAD} and {@link #OUTBOX} (and {@link #HASH} where records are
     * written without a reading thread, as vehicles are); {@link #OUTBOX} contains {@link #PAYLOAD}.
     */
    public enum Stage {
        /** the first pass over the file: encoding, row count, duplicates */
        SCAN,
        /** reading and splitting rows, between the rows handed over (on the reading thread) */
        PARSE,
        /** values parsed and checked, canonical records built (on the reading thread) */
        MAP,
        /** the writing thread waiting for the reading thread's next batch */
        WAIT_FOR_ROWS,
        /** content hashes of canonical records */
        HASH,
        /** Salesforce payloads serialized */
        PAYLOAD,
        /** the Salesforce outbox and held records, payloads included */
        OUTBOX,
        /** a batch's transaction, everything in it */
        COMMIT
    }

    private final Map<Stage, LongAdder> nanos = new EnumMap<>(Stage.class);

    public IngestTimings() {
        for (Stage stage : Stage.values()) {
            nanos.put(stage, new LongAdder());
        }
    }

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()}) to the stage; returns now. */
    public long since(Stage stage, long startNanos) {
        long now = System.nanoTime();
        nanos.get(stage).add(now - startNanos);
        return now;
    }

    public long nanos(Stage stage) {
        return nanos.get(stage).sum();
    }

    public void reset() {
        nanos.values().forEach(LongAdder::reset);
    }
}
