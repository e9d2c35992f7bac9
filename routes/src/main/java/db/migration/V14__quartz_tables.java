package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Quartz's job-store tables, from the scripts the Quartz jar ships for the database at hand, so that the
 * schedules live in the hub and every node of a cluster shares them. Spring Boot could create them
 * ({@code initialize-schema}), but only outside Flyway's history and on every start.
 */
public class V14__quartz_tables extends BaseJavaMigration {

    private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String script = script(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
        }
    }

    static String script(String databaseProduct) throws SQLException {
        String product = databaseProduct.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return SCRIPTS + "tables_postgres.sql";
        }
        if (product.contains("h2")) {
            return SCRIPTS + "tables_h2.sql";
        }
        throw new SQLException("no Quartz job-store script for " + databaseProduct + ": the hub runs on PostgreSQL or H2");
    }

    /** The script's statements without comments; its closing COMMIT is Flyway's business. */
    static List<String> statements(String script) {
        StringBuilder text = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--") && !trimmed.startsWith("#")) {
                text.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : text.toString().split(";")) {
            String sql = statement.strip();
            if (!sql.isEmpty() && !sql.equalsIgnoreCase("commit")) {
                statements.add(sql);
            }
        }
        return statements;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = V14__quartz_tables.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the class path: is quartz on it?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
