package io.leasebridge.connectors.quickbooks;

/** QuickBooks answered and refused: a Fault body, read into {@link QuickBooksFault}. */
public class QuickBooksFaultException extends RuntimeException {

    private final QuickBooksFault fault;

    public QuickBooksFaultException(QuickBooksFault fault) {
        super(fault.describe());
        this.fault = fault;
    }

    public QuickBooksFault fault() {
        return fault;
    }
}
