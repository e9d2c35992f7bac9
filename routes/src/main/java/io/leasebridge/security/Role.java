package io.leasebridge.security;

/** What a user of the admin API and page may do. */
public enum Role {
    /** reads everything: flows, runs, dead letters, accounts, KPIs, actuator */
    VIEWER,
    /** what a viewer does, and replays dead letters, triggers, pauses and resumes flows */
    OPERATOR
}
