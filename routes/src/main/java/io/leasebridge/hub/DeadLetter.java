package io.leasebridge.hub;

/**
 * A record that could not be synced: which flow, what it is, where it came from, which field failed
 * and why, and the payload to replay it from.
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

    /** Identifies the same failure seen again (a file re-read after a crash, a replay that fails again). */
    String dedupKey() {
        String identity = sourceFile != null
                ? flow + '|' + sourceFile + '|' + sourceLine
                : flow + '|' + recordType + '|' + recordKey;
        return Hashes.sha256(identity);
    }
}
