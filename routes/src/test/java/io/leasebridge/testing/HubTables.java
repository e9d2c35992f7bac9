package io.leasebridge.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties the hub between tests that share one Spring context. */
public final class HubTables {

    private HubTables() {
    }

    public static void clear(JdbcTemplate jdbc) {
        for (String table : new String[]{"customer", "lease_account", "payment", "collector_note", "sf_outbox", "flow_run",
                "dead_letter", "camel_messageprocessed", "external_write", "vehicle", "sf_watermark", "repo_case",
                "repo_case_event", "repo_order", "repo_sale", "vehicle_location", "work_order_line", "work_order",
                "qb_outbox", "qb_vendor", "qb_token", "gl_summary_line",
                "fleetrock_watermark", "fleetrock_delivery", "gps_pull", "gps_alert", "gps_motion", "export_file", "sf_held",
                "recovery_cost", "repo_recovery_payoff", "repo_review", "call_attempt", "lease_contact_standing",
                "text_message", "repo_adjustment", "repo_case_held", "repo_order_recall"}) {
            jdbc.update("delete from " + table);
        }
    }

    public static long count(JdbcTemplate jdbc, String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
