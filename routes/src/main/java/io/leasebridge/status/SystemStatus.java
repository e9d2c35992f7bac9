package io.leasebridge.status;

import io.leasebridge.connectors.leaseworks.ExportFormatException;
import io.leasebridge.connectors.salesforce.SalesforceCallException;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What LeaseBridge last saw of each external system: the health indicators read it, the flows write it.
 * Errors are kept as a kind (HTTP status and error codes, an exception type), never as a message: a
 * message can quote a record (a name, a phone number) or a URI with a password in it.
 */
@Component
public class SystemStatus {

    private final Clock clock;
    private SalesforceStatus salesforce = SalesforceStatus.NEVER_CALLED;
    private final Map<String, ExportStatus> exports = new ConcurrentHashMap<>();

    public SystemStatus(Clock clock) {
        this.clock = clock;
    }

    /** One call to Salesforce's data API answered (a 200 with per-record failures is still an answer). */
    public synchronized void salesforceCallSucceeded() {
        salesforce = salesforce.succeeded(clock.instant());
    }

    /** One call to Salesforce failed; each redelivery is a call of its own. */
    public synchronized void salesforceCallFailed(Throwable failure) {
        salesforce = salesforce.failed(clock.instant(), describe(failure), isAuthenticationFailure(failure));
    }

    /** A drain went through the whole outbox. */
    public synchronized void salesforceDrainCompleted() {
        salesforce = salesforce.drained(clock.instant(), false);
    }

    /** A drain stopped because a call failed for good; its records stay pending. */
    public synchronized void salesforceDrainStopped(Throwable cause) {
        Instant now = clock.instant();
        salesforce = salesforce.drained(now, SalesforceCallException.isRetryable(cause))
                .withError(now, describe(cause), isAuthenticationFailure(cause));
    }

    public synchronized SalesforceStatus salesforce() {
        return salesforce;
    }

    /** A LeaseWorks export file was read into the hub (its bad rows, if any, quarantined). */
    public void exportRead(String export, String file) {
        exports.merge(export, ExportStatus.NONE.read(file, clock.instant()),
                (old, read) -> old.read(read.lastFile(), read.lastFileAt()));
    }

    /** A LeaseWorks export file could not be read into the hub. */
    public void exportFailed(String export, String file, Throwable failure) {
        String kind = failure instanceof ExportFormatException ? "UNREADABLE_EXPORT" : rootCause(failure).getClass().getSimpleName();
        ExportStatus failed = ExportStatus.NONE.failed(file, clock.instant(), kind);
        exports.merge(export, failed, (old, f) -> old.failed(f.lastErrorFile(), f.lastErrorAt(), f.lastError()));
    }

    public Map<String, ExportStatus> exports() {
        return new TreeMap<>(exports);
    }

    /** HTTP status and Salesforce error codes, or the exception type: never a message. */
    static String describe(Throwable failure) {
        SalesforceCallException call = SalesforceCallException.in(failure);
        return call != null ? call.kind() : rootCause(failure).getClass().getSimpleName();
    }

    static boolean isAuthenticationFailure(Throwable failure) {
        SalesforceCallException call = SalesforceCallException.in(failure);
        return call != null && call.authentication();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * Salesforce as last seen.
     *
     * @param consecutiveFailures     failed calls since the last call that succeeded
     * @param lastErrorAuthentication whether the last error said the credentials were refused
     * @param lastDrainStoppedOnOutage null before the first drain; true when the last drain stopped on a
     *                                 failure worth retrying (5xx, limits, lost connection)
     */
    public record SalesforceStatus(Instant lastSuccessAt, Instant lastErrorAt, String lastError,
                                   boolean lastErrorAuthentication, int consecutiveFailures, Instant lastDrainAt,
                                   Boolean lastDrainStoppedOnOutage) {

        static final SalesforceStatus NEVER_CALLED = new SalesforceStatus(null, null, null, false, 0, null, null);

        SalesforceStatus succeeded(Instant at) {
            return new SalesforceStatus(at, lastErrorAt, lastError, lastErrorAuthentication, 0, lastDrainAt, lastDrainStoppedOnOutage);
        }

        SalesforceStatus failed(Instant at, String error, boolean authentication) {
            return new SalesforceStatus(lastSuccessAt, at, error, authentication, consecutiveFailures + 1, lastDrainAt,
                    lastDrainStoppedOnOutage);
        }

        SalesforceStatus withError(Instant at, String error, boolean authentication) {
            return new SalesforceStatus(lastSuccessAt, at, error, authentication, consecutiveFailures, lastDrainAt,
                    lastDrainStoppedOnOutage);
        }

        SalesforceStatus drained(Instant at, boolean stoppedOnOutage) {
            return new SalesforceStatus(lastSuccessAt, lastErrorAt, lastError, lastErrorAuthentication, consecutiveFailures,
                    at, stoppedOnOutage);
        }
    }

    /** One LeaseWorks export as last seen: the last file read and the last file that could not be. */
    public record ExportStatus(String lastFile, Instant lastFileAt, String lastErrorFile, Instant lastErrorAt, String lastError) {

        static final ExportStatus NONE = new ExportStatus(null, null, null, null, null);

        ExportStatus read(String file, Instant at) {
            return new ExportStatus(file, at, lastErrorFile, lastErrorAt, lastError);
        }

        ExportStatus failed(String file, Instant at, String error) {
            return new ExportStatus(lastFile, lastFileAt, file, at, error);
        }
    }
}
