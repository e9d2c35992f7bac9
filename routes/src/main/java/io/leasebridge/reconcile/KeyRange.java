package io.leasebridge.reconcile;

/**
 * A range of external ids, {@code from} inclusive and {@code to} exclusive, either end open when null: how the
 * reconciliation asks Salesforce about a slice of an object's records without naming them one by one.
 */
record KeyRange(String from, String to) {

    static final KeyRange ALL = new KeyRange(null, null);
}
