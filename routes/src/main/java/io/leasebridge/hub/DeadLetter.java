package io.leasebridge.hub;

import io.leasebridge.mapping.ValueInReason;

/**
 * A record that could not be synced: which flow, what it is, where it came from, which field failed
 * and why, and the payload to replay it from.
 *
 * @param recordKey the record's own key (a contract number, a payment id), the same in every file that carries
 *                  it; null for a problem of a whole file
 */
public record DeadLetter(
        String flow,
        String recordType,
        String recordKey,
        String sourceFile,
        Long sourceLine,
        String field,
        String errorCode,
        String reason,
        String payload) {

    /** As many characters as {@code dead_letter.record_key} holds. */
    private static final int MOST_KEY_CHARACTERS = 255;

    /** A longer key, a 300-character id as a source sent it, is cut: whole, it would fail its batch's insert. */
    public DeadLetter {
        if (recordKey != null) {
            recordKey = ValueInReason.cut(recordKey, MOST_KEY_CHARACTERS);
        }
    }

    /**
     * Identifies the same problem seen again: the same record failing the same way, whichever file or run it came
     * in (a snapshot export repeats yesterday's bad row every day), or for a problem of a whole file, the same place
     * of the same file.
     */
    String dedupKey() {
        String identity = recordKey != null
                ? String.join("|", flow, recordType, recordKey, String.valueOf(errorCode), String.valueOf(field))
                : flow + '|' + recordType + '|' + sourceFile + '|' + sourceLine;
        return Hashes.sha256(identity);
    }
}
