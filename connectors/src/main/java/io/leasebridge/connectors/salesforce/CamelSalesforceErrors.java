package io.leasebridge.connectors.salesforce;

import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Reads what camel-salesforce raises: which failures are worth trying again (everything else is permanent: the
 * record goes to dead letters with Salesforce's error code, message and fields), and the {@link SalesforceCallException}
 * the flows see instead.
 */
public final class CamelSalesforceErrors {

    /** Salesforce codes that say the credentials, not the request, are wrong (the OAuth ones in lower case). */
    private static final Set<String> AUTHENTICATION_CODES = Set.of("INVALID_SESSION_ID", "INVALID_AUTH_HEADER",
            "INVALID_LOGIN", "LOGIN_MUST_USE_SECURITY_TOKEN", "invalid_grant", "invalid_client", "invalid_client_id",
            "invalid_client_credentials", "unauthorized_client", "inactive_user", "inactive_org");

    private CamelSalesforceErrors() {
    }

    /** The failure as the flows see it; one already read is returned as it is. */
    public static SalesforceCallException translate(Throwable failure) {
        SalesforceCallException read = SalesforceCallException.in(failure);
        if (read != null) {
            return read;
        }
        SalesforceException answered = answered(failure);
        return new SalesforceCallException(describe(failure), answered == null ? 0 : answered.getStatusCode(),
                answered == null ? List.of() : errors(answered), isRetryable(failure), isAuthenticationFailure(failure),
                kind(failure), failure);
    }

    /** A whole call failed: retry on 5xx, row locks, API limits, timeouts and lost connections. */
    public static boolean isRetryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf) {
                if (sf.getStatusCode() >= 500 || sf.getStatusCode() == 429) {
                    return true;
                }
                List<RestError> errors = sf.getErrors();
                if (errors != null && errors.stream().anyMatch(e -> SalesforceError.isRetryable(e.getErrorCode()))) {
                    return true;
                }
                if (sf.getStatusCode() == 0 && t.getCause() == null) {
                    // camel-salesforce reports a connection that broke mid-call with no status at all
                    return true;
                }
            }
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Salesforce's errors as LeaseBridge reads them. */
    public static List<SalesforceError> errors(List<RestError> errors) {
        return errors == null ? List.of()
                : errors.stream().map(e -> new SalesforceError(e.getErrorCode(), e.getMessage(), e.getFields())).toList();
    }

    /** One line for logs and dead letters: status and every error code and message Salesforce sent. */
    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf && hasErrors(sf)) {
                StringBuilder text = new StringBuilder("HTTP ").append(sf.getStatusCode());
                sf.getErrors().forEach(e -> text.append("; ").append(e.getErrorCode()).append(": ").append(e.getMessage()));
                return text.toString();
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** HTTP status and Salesforce error codes, or the exception type: never a message. */
    private static String kind(Throwable failure) {
        SalesforceException sf = answered(failure);
        if (sf != null) {
            String codes = hasErrors(sf) ? sf.getErrors().stream().map(RestError::getErrorCode).filter(Objects::nonNull)
                    .distinct().collect(Collectors.joining(" ")) : "";
            return ("HTTP " + sf.getStatusCode() + " " + codes).trim();
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static boolean isAuthenticationFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf) {
                if (sf.getStatusCode() == 401) {
                    return true;
                }
                if (hasErrors(sf) && sf.getErrors().stream().anyMatch(e -> AUTHENTICATION_CODES.contains(e.getErrorCode()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first camel-salesforce failure in the chain that carries an answer: a status or errors. */
    private static SalesforceException answered(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SalesforceException sf && (sf.getStatusCode() > 0 || hasErrors(sf))) {
                return sf;
            }
        }
        return null;
    }

    private static List<SalesforceError> errors(SalesforceException sf) {
        return errors(sf.getErrors());
    }

    private static boolean hasErrors(SalesforceException sf) {
        return sf.getErrors() != null && !sf.getErrors().isEmpty();
    }
}
