package io.leasebridge.connectors.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A QuickBooks error body, {@code {"Fault":{"Error":[{"Message","Detail","code","element"}],"type"}}}, with
 * the HTTP status it came with.
 */
public record QuickBooksFault(int httpStatus, String type, List<Error> errors) {

    public static final String STALE_OBJECT = "5010";
    public static final String DUPLICATE_NAME = "6240";

    public record Error(String code, String element, String message, String detail) {
    }

    /** Reads a Fault from a response body; a body without one becomes a fault naming the status. */
    public static QuickBooksFault of(int httpStatus, JsonNode body) {
        JsonNode fault = body == null ? null : body.path("Fault");
        List<Error> errors = new ArrayList<>();
        if (fault != null && !fault.isMissingNode()) {
            fault.path("Error").forEach(e -> errors.add(new Error(e.path("code").asText(null), blankToNull(e.path("element").asText(null)),
                    e.path("Message").asText(null), e.path("Detail").asText(null))));
            return new QuickBooksFault(httpStatus, fault.path("type").asText(null), List.copyOf(errors));
        }
        return new QuickBooksFault(httpStatus, null, List.of(new Error(String.valueOf(httpStatus), null, "HTTP " + httpStatus, null)));
    }

    public boolean hasCode(String code) {
        return errors.stream().anyMatch(e -> code.equals(e.code()));
    }

    public boolean throttled() {
        return httpStatus == 429 || "ThrottleExceeded".equalsIgnoreCase(type);
    }

    public String firstCode() {
        return errors.isEmpty() ? String.valueOf(httpStatus) : errors.get(0).code();
    }

    public String firstElement() {
        return errors.stream().map(Error::element).filter(e -> e != null).findFirst().orElse(null);
    }

    /** One line: each error's code, element and message (and detail). */
    public String describe() {
        return errors.stream()
                .map(e -> "code " + e.code() + (e.element() == null ? "" : " element " + e.element()) + ": " + e.message()
                        + (e.detail() == null || e.detail().equals(e.message()) ? "" : " (" + e.detail() + ")"))
                .collect(Collectors.joining("; ", (type == null ? "" : type + " ") + "HTTP " + httpStatus + " ", ""));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
