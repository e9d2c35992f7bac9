package io.leasebridge.mapping.quickbooks;

/** A source record that cannot become a QuickBooks document as it is: which field, why. */
public class PostingRefusedException extends RuntimeException {

    private final String field;
    private final String code;

    public PostingRefusedException(String field, String code, String reason) {
        super(reason);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
