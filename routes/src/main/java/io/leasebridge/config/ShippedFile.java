package io.leasebridge.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A configuration file LeaseBridge ships (a field map), named by a path. The file at that path when there is one; a
 * relative path with no file under the working directory falls back to the copy packaged in the jar under the same
 * name (the build packages the source tree's {@code config/} as {@code config/}), so the jar runs from any directory
 * with the shipped defaults and a file overrides them. An absolute path must name a file: a typo is not hidden.
 */
public final class ShippedFile {

    private static final Logger log = LoggerFactory.getLogger(ShippedFile.class);

    private ShippedFile() {
    }

    public static InputStream open(Path path) throws IOException {
        if (path.isAbsolute() || Files.exists(path)) {
            return Files.newInputStream(path);
        }
        String packaged = path.normalize().toString().replace('\\', '/');
        InputStream in = ShippedFile.class.getClassLoader().getResourceAsStream(packaged);
        if (in == null) {
            throw new NoSuchFileException(path + " (not under " + Path.of("").toAbsolutePath() + ", nor packaged in the jar)");
        }
        log.info("{} is not under {}: using the copy packaged in the jar", path, Path.of("").toAbsolutePath());
        return in;
    }
}
