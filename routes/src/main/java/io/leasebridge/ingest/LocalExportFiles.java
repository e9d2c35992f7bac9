package io.leasebridge.ingest;

import io.leasebridge.mapping.LeaseWorksMapping;
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
 * a local file as it is, a file from a remote endpoint copied to a folder of its own in the work directory first,
 * with its control file beside it where the export has one.
 */
@Component
public class LocalExportFiles {

    private final LeaseWorksProperties properties;
    private final LeaseWorksMapping mapping;
    private final RemoteControlFiles remoteControlFiles;

    public LocalExportFiles(LeaseWorksProperties properties, LeaseWorksMapping mapping, RemoteControlFiles remoteControlFiles) {
        this.properties = properties;
        this.mapping = mapping;
        this.remoteControlFiles = remoteControlFiles;
    }

    /**
     * The export file delivered by the export's endpoint; a remote one's control file is fetched beside its local copy
     * (the endpoint's local work file, or this class's copy).
     */
    public Path path(Object body, String fileName, String export) {
        Path path = path(body, fileName);
        if (body instanceof GenericFile<?> file && !(file.getFile() instanceof File)) {
            mapping.files(export).totals().control().map(control -> control.nameFor(fileName))
                    .ifPresent(name -> remoteControlFiles.fetch(export, name, path.resolveSibling(name)));
        }
        return path;
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

    /** Deletes a copy made in the work directory, and its folder; a file outside it is the endpoint's to move. */
    public void discard(Path path) {
        Path folder = path.getParent();
        if (folder.startsWith(properties.workDirectoryOrTemp()) && !folder.equals(properties.workDirectoryOrTemp())) {
            try (var beside = Files.list(folder)) {
                for (Path file : beside.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // a copy left behind in the work directory is harmless
            }
        }
    }

    /** A copy under the file's own name (its control file's name derives from it), in a folder of its own. */
    private Path copy(InputStream in, String fileName) {
        try (in) {
            Path dir = Files.createTempDirectory(Files.createDirectories(properties.workDirectoryOrTemp()), "export-");
            Path copy = dir.resolve(Path.of(fileName).getFileName().toString());
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + fileName + " to the work directory", e);
        }
    }
}
