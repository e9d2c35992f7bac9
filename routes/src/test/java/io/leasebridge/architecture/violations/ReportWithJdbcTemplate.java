package io.leasebridge.architecture.violations;

import org.springframework.jdbc.core.JdbcTemplate;

/** Breaks "no JdbcTemplate outside stores": a report reading a table it does not own. */
public class ReportWithJdbcTemplate {

    private final JdbcTemplate jdbc;

    public ReportWithJdbcTemplate(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Integer accounts() {
        return jdbc.queryForObject("select count(*) from lease_account", Integer.class);
    }
}
