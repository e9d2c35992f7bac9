package io.leasebridge.architecture.violations;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;

/**
 * Keeps the rule: a store, and a row type nested in it, may query the database.
 * Abstract, so that the application's component scan, which sees the test classes, never makes it a bean.
 */
@Repository
public abstract class FixtureStore {

    private final NamedParameterJdbcTemplate jdbc;

    protected FixtureStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> rows() {
        return Row.all(jdbc);
    }

    public record Row(String leaseId) {

        static List<Row> all(NamedParameterJdbcTemplate jdbc) {
            return jdbc.query("select lease_id from lease_account", Map.of(),
                    (rs, n) -> new Row(rs.getString("lease_id")));
        }
    }
}
