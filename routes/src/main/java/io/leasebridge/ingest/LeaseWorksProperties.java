package io.leasebridge.ingest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where LeaseWorks exports are picked up and how they are read.
 *
 * @param mappingFile           the field map, {@code config/mappings/leaseworks.yml}
 * @param exports               export name (accounts, payments, notes) -> Camel endpoint URI it is read from; a
 *                              local folder by default, {@code sftp:} in many deployments. Without an
 *                              {@code include} of its own, the URI takes the field map's file-name pattern
 * @param batchSize             rows written to the hub per transaction
 * @param writers               transactions that write a file's batches side by side, each taking the rows of its own
 *                              customers and leases, so that the database works on one batch while the next is
 *                              prepared; by default 2 on PostgreSQL and 1 on H2 ({@link IngestWriters})
 * @param completion            how a file tells that it is complete: {@code rename} (written under another name,
 *                              e.g. {@code accounts.csv.part} or {@code .accounts.csv}, then renamed) or
 *                              {@code done-file} (a {@code <file>.done} beside it, written after the file)
 * @param truncationThreshold   a snapshot export with fewer rows than this share of the last accepted file of
 *                              that export is read for its rows, but nothing is inferred from rows it lacks
 * @param workDirectory         where a file from a remote endpoint is copied before it is read (default: the
 *                              system's temporary folder)
 * @param statisticsAfterRows   on PostgreSQL, a file that changed at least this many rows has the planner's statistics
 *                              of the tables it wrote gathered at once, so that the files after it (the promises after
 *                              a backfill's payments) are planned on the tables as they now are; autovacuum would
 *                              gather them a minute or more later
 */
@Validated
@ConfigurationProperties("leasebridge.leaseworks")
public record LeaseWorksProperties(
        @NotNull Path mappingFile,
        @NotEmpty Map<String, String> exports,
        @DefaultValue("1000") @Min(1) int batchSize,
        @Min(1) @Max(8) Integer writers,
        @DefaultValue("rename") @NotNull Completion completion,
        @DefaultValue("0.5") @DecimalMin("0.0") @DecimalMax("1.0") double truncationThreshold,
        Path workDirectory,
        @DefaultValue("10000") @Min(1) int statisticsAfterRows) {

    public Path workDirectoryOrTemp() {
        return workDirectory != null ? workDirectory : Path.of(System.getProperty("java.io.tmpdir"), "leasebridge-exports");
    }

    public enum Completion {
        RENAME, DONE_FILE
    }
}
