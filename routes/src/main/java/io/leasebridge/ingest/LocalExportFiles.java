package io.leasebridge.ingest;

import io.leasebridge.config.LeaseWorksProperties;
import org.apache.camel.component.file.GenericFile;
import org.springframework.stereotype.Component;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An export file as a local path, so that it can be read twice (a check of the whole file, then the rows):
 * a local file as it is, a file from a remote endpoint copied to the work directory first.
 */
@Component
public class LocalExportFiles {

    private final LeaseWorksProperties properties;

    public LocalExportFiles(LeaseWorksProperties properties) {
        this.properties = properties;
    }

    public Path path(Object body, String fileName) {
        if (body instanceof GenericFile<?> file) {
            if (file.getFile() instanceof File local) {
                return local.toPath();
            }
            if (file.getBody() instanceof File downloaded) {
                return downloaded.toPath();
            }
            if (file.getBody() instanceof InputStream in) {
                return copy(in, fileName);
            }
        }
        if (body instanceof File local) {
            return local.toPath();
        }
        if (body instanceof InputStream in) {
            return copy(in, fileName);
        }
        if (body instanceof byte[] bytes) {
            return copy(new java.io.ByteArrayInputStream(bytes), fileName);
        }
        throw new IllegalArgumentException("cannot read an export delivered as " + (body == null ? "nothing" : body.getClass().getName()));
    }

    /** Deletes a copy made in the work directory; a file outside it is the endpoint's to move. */
    public void discard(Path path) {
        if (path.startsWith(properties.workDirectoryOrTemp())) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a copy left behind in the work directory is harmless
            }
        }
    }

    private Path copy(InputStream in, String fileName) {
        try (in) {
            Path dir = Files.createDirectories(properties.workDirectoryOrTemp());
            Path copy = Files.createTempFile(dir, "export-", ".csv");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + fileName + " to the work directory", e);
        }
    }
}
