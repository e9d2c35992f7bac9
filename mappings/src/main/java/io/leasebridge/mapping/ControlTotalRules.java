package io.leasebridge.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which totals of an export file are counted at the source ({@code files.<export>.totals} in the field map), and
 * the control file the lessor's export writes beside it, if it writes one, to be checked against them.
 *
 * @param sums    the money fields summed over the file's rows, e.g. {@code lease.pastDueAmount}
 * @param byDay   the date field the rows' counts and sums are also split by, e.g. {@code payment.receivedDate}
 * @param control the control file's name and columns; empty when the export writes none
 */
public record ControlTotalRules(List<Measure> sums, Optional<Measure> byDay, Optional<ControlFile> control) {

    public static final ControlTotalRules NONE = new ControlTotalRules(List.of(), Optional.empty(), Optional.empty());

    public ControlTotalRules {
        sums = List.copyOf(sums);
    }

    /** A canonical field ({@code record.field}) and the export column that feeds it. */
    public record Measure(String name, String column) {
    }

    /**
     * @param nameTemplate the control file's name, {@code {file}} standing for the export file's name and
     *                     {@code {base}} for that name without its extension
     * @param rowsColumn   the control file's column holding the export's row count
     * @param sumColumns   measure name -> the control file's column holding its total
     */
    public record ControlFile(String nameTemplate, String rowsColumn, Map<String, String> sumColumns) {

        public ControlFile {
            sumColumns = Map.copyOf(sumColumns);
        }

        /** The control file's name for an export file. */
        public String nameFor(String exportFileName) {
            int dot = exportFileName.lastIndexOf('.');
            String base = dot > 0 ? exportFileName.substring(0, dot) : exportFileName;
            return nameTemplate.replace("{file}", exportFileName).replace("{base}", base);
        }
    }
}
