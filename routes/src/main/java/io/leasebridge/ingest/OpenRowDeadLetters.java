package io.leasebridge.ingest;

import java.util.Set;

/**
 * The records whose rows had an open dead letter when a file was taken, held when few enough: a batch then closes
 * dead letters only for those (and for rows the file itself quarantined), without asking the database each time.
 */
record OpenRowDeadLetters(Set<String> recordKeys) {

    /** Too many to hold, or not known: any record may have one. */
    static final OpenRowDeadLetters ANY = new OpenRowDeadLetters(null);

    boolean mayHaveOne(String recordKey) {
        return recordKeys == null || recordKeys.contains(recordKey);
    }
}
