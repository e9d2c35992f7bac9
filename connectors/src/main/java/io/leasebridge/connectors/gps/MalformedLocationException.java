package io.leasebridge.connectors.gps;

/** A vendor's answer whose location cannot be used: which field, why, and the body as received (for dead letters). */
public class MalformedLocationException extends RuntimeException {

    private final String field;
    private final String payload;

    public MalformedLocationException(String field, String reason, String payload) {
        super(field + ": " + reason);
        this.field = field;
        this.payload = payload;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    public String payload() {
        return payload;
    }
}
