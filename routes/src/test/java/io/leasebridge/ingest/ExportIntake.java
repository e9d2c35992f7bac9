package io.leasebridge.ingest;

import io.leasebridge.hub.ExportFiles;
import io.leasebridge.testing.HubTables;
import io.leasebridge.testing.LeaseWorksExports;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LeaseWorks export files as a deployment receives them, for the ingest tests that share one Spring context
 * ({@code @RegisterExtension static final ExportIntake intake = new ExportIntake();}): each test starts on an empty hub and
 * promise ledger; {@link #read} drops a file, and its control file, in a folder and reads it from there the way the
 * file route does; {@link #shippedFieldMapWith} is the shipped field map with some of its lines changed.
 */
final class ExportIntake implements BeforeEachCallback {

    private Path folder;
    private LeaseWorksExportIngest ingest;

    @Override
    public void beforeEach(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        ingest = spring.getBean(LeaseWorksExportIngest.class);
        JdbcTemplate jdbc = spring.getBean(JdbcTemplate.class);
        HubTables.clear(jdbc);
        jdbc.update("delete from promise_event");
        jdbc.update("delete from promise");
    }

    void read(String export, String fileName, String text) {
        dropAndRead(export, fileName, text, null);
    }

    /** Drops the file (and its control file, unless null) in the drop folder and reads it from there. */
    void read(String export, String fileName, LeaseWorksExports rows, String control) {
        dropAndRead(export, fileName, rows.text(), control);
    }

    private void dropAndRead(String export, String fileName, String text, String control) {
        try {
            if (folder == null) {
                folder = temporaryDirectory("leaseworks-drop");
            }
            Path file = Files.writeString(folder.resolve(fileName), text);
            if (control != null) {
                Files.writeString(folder.resolve(fileName.replace(".csv", ".ctl")), control);
            }
            ingest.ingest(export, fileName, ExportFiles.key(fileName, Files.size(file), System.nanoTime()), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The shipped LeaseWorks field map with each key line replaced by its value, written to a file of its own: the
     * path, for {@code leasebridge.leaseworks.mapping-file}.
     */
    static String shippedFieldMapWith(Map<String, String> replacedLines) {
        try {
            String map = Files.readString(Path.of("../config/mappings/leaseworks.yml"));
            for (Map.Entry<String, String> line : replacedLines.entrySet()) {
                assertThat(map).as("the shipped map still has the line this test changes").contains(line.getKey());
                map = map.replace(line.getKey(), line.getValue());
            }
            return Files.writeString(temporaryDirectory("leaseworks-field-map").resolve("leaseworks.yml"), map).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
