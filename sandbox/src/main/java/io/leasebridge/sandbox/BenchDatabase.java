package io.leasebridge.sandbox;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A hub database the backfill benchmark runs on: the embedded H2 file under the benchmark's home, or a
 * PostgreSQL database that it empties first (give it one of its own).
 */
record BenchDatabase(String name, String url, String user, String password, Path h2Files) {

    static final String PG_URL = "LEASEBRIDGE_TEST_PG_URL";

    /**
     * {@code h2}, {@code postgres}, or {@code auto}: H2, then PostgreSQL where {@value #PG_URL} is set
     * (with {@code LEASEBRIDGE_TEST_PG_USER} and {@code LEASEBRIDGE_TEST_PG_PASSWORD}).
     */
    static List<BenchDatabase> chosen(String choice, SandboxOptions options, Map<String, String> env) {
        BenchDatabase h2 = new BenchDatabase("H2", options.hubUrl(), "sa", "", options.home());
        String pgUrl = env.get(PG_URL);
        BenchDatabase postgres = pgUrl == null ? null : new BenchDatabase("PostgreSQL", pgUrl,
                env.getOrDefault("LEASEBRIDGE_TEST_PG_USER", "leasebridge"),
                env.getOrDefault("LEASEBRIDGE_TEST_PG_PASSWORD", "leasebridge"), null);
        List<BenchDatabase> chosen = new ArrayList<>();
        switch (choice.isBlank() ? "auto" : choice) {
            case "h2" -> chosen.add(h2);
            case "postgres" -> chosen.add(requirePostgres(postgres));
            case "auto" -> {
                chosen.add(h2);
                if (postgres != null) {
                    chosen.add(postgres);
                }
            }
            default -> throw new IllegalArgumentException("bench.db must be h2, postgres or auto, not " + choice);
        }
        return chosen;
    }

    private static BenchDatabase requirePostgres(BenchDatabase postgres) {
        if (postgres == null) {
            throw new IllegalArgumentException("bench.db=postgres needs " + PG_URL + " (and its user and password)");
        }
        return postgres;
    }

    boolean isPostgres() {
        return h2Files == null;
    }

    /** Starts from an empty hub: Flyway builds the schema again. */
    void empty() {
        if (!isPostgres()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema public cascade");
            s.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty " + url, e);
        }
    }

    /** Bytes the hub takes on disk: the H2 files, or PostgreSQL's database size. */
    long bytesOnDisk(JdbcTemplate jdbc) {
        if (isPostgres()) {
            Long bytes = jdbc.queryForObject("select pg_database_size(current_database())", Long.class);
            return bytes == null ? 0 : bytes;
        }
        try (Stream<Path> files = Files.list(h2Files)) {
            return files.filter(p -> p.getFileName().toString().startsWith("hub.")).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spring arguments that point the hub at this database. */
    List<String> springArguments() {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password);
    }
}
