package io.leasebridge.sandbox;

import java.util.List;

/** Every scheduled flow of LeaseBridge, parked: for a node that a benchmark or the sandbox drives itself. */
final class ParkedSchedules {

    static final String NEVER = "0 0 0 1 1 ? 2099";

    private static final List<String> FLOWS = List.of("leaseworks-accounts", "leaseworks-payments", "leaseworks-notes",
            "leaseworks-promises", "promise-judgement", "salesforce-outbox-drain", "salesforce-vehicles-read",
            "salesforce-repo-cases-read", "leaseworks-vehicle-import", "leaseworks-gl", "quickbooks-postings",
            "fleetrock-repair-orders", "work-order-approvals", "gps-location-poll", "salesforce-calls-read", "recovery-risk",
            "systems-reconciliation", "agency-placements", "agency-returns");

    private ParkedSchedules() {
    }

    /** {@code --leasebridge.schedules.<flow>=<never>} for every flow. */
    static List<String> arguments() {
        return FLOWS.stream().map(flow -> "--leasebridge.schedules." + flow + "=" + NEVER).toList();
    }
}
