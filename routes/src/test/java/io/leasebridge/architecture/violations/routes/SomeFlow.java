package io.leasebridge.architecture.violations.routes;

/** Stands for a class of the routes module. */
public class SomeFlow {

    public static final String ROUTE_ID = "fixture-flow";
}
