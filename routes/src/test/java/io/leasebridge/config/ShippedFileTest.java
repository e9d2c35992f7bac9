package io.leasebridge.config;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A shipped file by path: the file where there is one, else the copy packaged in the jar; never a hidden typo. */
class ShippedFileTest {

    @Test
    void aRelativePathMissingFromTheWorkingDirectoryReadsThePackagedCopy() throws Exception {
        Path relative = Path.of("config", "mappings", "leaseworks.yml");
        assertThat(relative).doesNotExist();
        try (InputStream in = ShippedFile.open(relative)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("exports:");
        }
    }

    @Test
    void aFileThatExistsIsReadItself() throws Exception {
        Path own = Files.createTempFile("leaseworks", ".yml");
        Files.writeString(own, "exports: {}\n");
        try (InputStream in = ShippedFile.open(own)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("exports: {}\n");
        }
    }

    @Test
    void anAbsolutePathThatDoesNotExistIsRefusedNotReplacedByThePackagedCopy() {
        assertThatThrownBy(() -> ShippedFile.open(Path.of("/etc/leasebridge-missing/mappings/leaseworks.yml")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aRelativePathNeitherThereNorPackagedIsRefusedSayingBoth() {
        assertThatThrownBy(() -> ShippedFile.open(Path.of("config", "mappings", "leaseworkz.yml")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nor packaged in the jar");
    }
}
