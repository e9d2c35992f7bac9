package io.leasebridge.sandbox;

/**
 * Faults armed by a test for the next collection write calls. A write call is one request to the
 * sObject Collections upsert resource that passed the session check.
 */
final class WriteFaults {

    enum Outcome { NONE, DROP_CONNECTION, SERVICE_UNAVAILABLE }

    private int successesBeforeDrop = -1;
    private boolean unavailableNext;
    private volatile long latencyMillis;

    void writeLatency(long millis) {
        latencyMillis = millis;
    }

    void awaitWriteLatency() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized void dropConnectionAfter(int successfulWriteCalls) {
        if (successfulWriteCalls < 0) {
            throw new IllegalArgumentException("a number of write calls cannot be negative: " + successfulWriteCalls);
        }
        successesBeforeDrop = successfulWriteCalls;
    }

    synchronized void unavailableNext() {
        unavailableNext = true;
    }

    /** What happens to the write call arriving now; an armed fault fires once and is then forgotten. */
    synchronized Outcome nextWriteCall() {
        if (unavailableNext) {
            unavailableNext = false;
            return Outcome.SERVICE_UNAVAILABLE;
        }
        if (successesBeforeDrop == 0) {
            successesBeforeDrop = -1;
            return Outcome.DROP_CONNECTION;
        }
        return Outcome.NONE;
    }

    synchronized void writeSucceeded() {
        if (successesBeforeDrop > 0) {
            successesBeforeDrop--;
        }
    }

    synchronized void reset() {
        successesBeforeDrop = -1;
        unavailableNext = false;
        latencyMillis = 0;
    }
}
