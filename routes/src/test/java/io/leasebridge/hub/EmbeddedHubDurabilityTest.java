package io.leasebridge.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A row the embedded hub committed survives the process being killed the next instant. */
class EmbeddedHubDurabilityTest {

    @TempDir
    Path home;

    @Test
    void aCommitIsOnDiskBeforeTheProcessCanBeKilled() throws Exception {
        String url = defaultHubUrl().replace("./data/hub", home.resolve("hub").toString());
        for (int run = 0; run < 3; run++) {
            Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CommitThenHalt.class.getName(), url)
                    .inheritIO().start();
            assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(killed.exitValue()).as("the committing process").isEqualTo(9);
        }
        try (Connection hub = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = hub.createStatement().executeQuery("select count(*) from committed_row")) {
            rs.next();
            assertThat(rs.getInt(1)).as("rows committed by three processes each halted right after its commit").isEqualTo(3);
        }
    }

    private static String defaultHubUrl() throws Exception {
        var sources = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));
        return List.copyOf(sources).get(0).getProperty("spring.datasource.url").toString();
    }

    /** Commits one row on the hub URL given, then halts the JVM as SIGKILL would: no shutdown hook runs. */
    public static final class CommitThenHalt {
        public static void main(String[] args) throws Exception {
            Connection hub = DriverManager.getConnection(args[0], "sa", "");
            hub.createStatement().execute("create table if not exists committed_row (id int)");
            hub.createStatement().execute("insert into committed_row values (1)");
            Runtime.getRuntime().halt(9);
        }
    }
}
