package io.leasebridge.replay;

import io.leasebridge.flow.ReplayHandler;
import io.leasebridge.flow.ReplayOutcome;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.ingest.LeaseWorksExportIngest;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.Violation;
import io.leasebridge.privacy.PersonalDataMasker;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A quarantined LeaseWorks export row is mapped again from its stored columns, so that a corrected field map takes
 * effect, and applied to the hub when valid. Asked last: other flows' rows are their handlers'.
 */
@Component
@Order(700)
class ExportRowReplay implements ReplayHandler {

    private static final String ROW_SUFFIX = " row";

    private final LeaseWorksExportIngest ingest;
    private final StoredColumns columns;
    private final ReplayRuns replays;

    ExportRowReplay(LeaseWorksExportIngest ingest, StoredColumns columns, ReplayRuns replays) {
        this.ingest = ingest;
        this.columns = columns;
        this.replays = replays;
    }

    @Override
    public Optional<ReplayOutcome> replay(long id, DeadLetter letter) {
        if (!letter.recordType().endsWith(ROW_SUFFIX) || letter.payload() == null) {
            return Optional.empty();
        }
        String export = letter.recordType().substring(0, letter.recordType().length() - ROW_SUFFIX.length());
        Map<String, String> stored = columns.of(letter);
        List<String> masked = stored.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().contains(PersonalDataMasker.MASK.substring(0, 3)))
                .map(Map.Entry::getKey).toList();
        if (!masked.isEmpty()) {
            return Optional.of(new ReplayOutcome(id, false, "the row's personal data was masked when it was quarantined (column(s) "
                    + String.join(", ", masked) + "): correct the row in LeaseWorks and send the export again"));
        }
        SourceRow row = new SourceRow(letter.sourceFile(), letter.sourceLine() == null ? 0 : letter.sourceLine(), stored);
        return Optional.of(replays.replay(id, letter.sourceFile() + ":" + row.line(), "applied to the hub", runId -> {
            List<Violation> violations = ingest.replay(export, row, runId);
            return violations.isEmpty() ? Optional.empty() : Optional.of(LeaseWorksExportIngest.describe(violations));
        }));
    }
}
