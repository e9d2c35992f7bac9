package io.leasebridge.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The control totals of one export file counted at the source, row by row as the file is read: every row
 * (a row cut short or shifted counts, as the lessor's own count would), and the configured sums of the
 * rows whose values sit in their columns, for the whole file and per day. A row quarantined for another field
 * still adds its amounts, as the lessor's own sum would.
 * <p>
 * A value that adds nothing is counted as one that could not be summed: a value that is not an amount (its row is
 * quarantined for it), and an amount larger than any total can be kept ({@link #LARGEST_KEPT}: far beyond every
 * money field, so its row is quarantined for it too). A control file whose sum counts such an amount then
 * disagrees with these totals, which say why, and the file is read to its end. A sum of amounts that each can be
 * kept is exact however large it grows, and is compared exactly with a control file; one beyond
 * {@link #LARGEST_KEPT} fails {@link #canBeKept}, and is kept as unknown rather than failing the file.
 */
public final class FileTotals {

    /** The largest total kept with a file's run: {@code export_file_total.amount} is {@code numeric(19, 2)}. */
    public static final BigDecimal LARGEST_KEPT = new BigDecimal("99999999999999999.99");

    /** Date texts remembered with their day: a file's rows repeat a few thousand, each is read as a date once. */
    private static final int DAY_TEXTS_REMEMBERED = 10_000;

    private final ControlTotalRules rules;
    private final ValueParser parser;
    private final Totals file;
    private final SortedMap<LocalDate, Totals> days = new TreeMap<>();
    /** Date text -> its day's totals, or {@link #noDay} for a text that is not a date (bad rows repeat theirs too). */
    private final Map<String, Totals> dayByText = new HashMap<>();
    private final Totals noDay = new Totals(0);
    /** By measure, in the order of the rules' measures: values that added nothing to its sums. */
    private final long[] unsummed;

    FileTotals(ControlTotalRules rules, ValueParser parser) {
        this.rules = rules;
        this.parser = parser;
        this.file = new Totals(rules.sums().size());
        this.unsummed = new long[rules.sums().size()];
    }

    /** Whether a total is small enough to be kept with its file's run; a sum of many valid amounts may not be. */
    public static boolean canBeKept(BigDecimal total) {
        return total.abs().compareTo(LARGEST_KEPT) <= 0;
    }

    public ControlTotalRules rules() {
        return rules;
    }

    public void add(SourceRow row) {
        file.rows++;
        if (row.hasWrongShape()) {
            return;
        }
        Totals day = rules.byDay().isEmpty() ? null : dayOf(row.value(rules.byDay().get().column()));
        if (day != null) {
            day.rows++;
        }
        List<ControlTotalRules.Measure> measures = rules.sums();
        for (int i = 0; i < measures.size(); i++) {
            String text = row.value(measures.get(i).column());
            if (text == null) {
                continue;
            }
            BigDecimal amount = summable(text);
            if (amount == null) {
                unsummed[i]++;
                continue;
            }
            file.add(i, amount);
            if (day != null) {
                day.add(i, amount);
            }
        }
    }

    /** The amount a value adds to its sums, or null when it adds nothing. */
    private BigDecimal summable(String text) {
        try {
            BigDecimal amount = (BigDecimal) parser.parse(text, BigDecimal.class);
            return canBeKept(amount) ? amount : null;
        } catch (IllegalArgumentException notAnAmount) {
            return null;
        }
    }

    public long rows() {
        return file.rows;
    }

    /** Measure name -> the file's total, for every configured measure (zero when no row had a value). */
    public Map<String, BigDecimal> sums() {
        return file.sums();
    }

    /** The rows and sums of each day the file's rows fall on (by the {@code by-day} field), in date order. */
    public SortedMap<LocalDate, Day> byDay() {
        SortedMap<LocalDate, Day> result = new TreeMap<>();
        days.forEach((date, totals) -> result.put(date, new Day(totals.rows, totals.sums())));
        return Collections.unmodifiableSortedMap(result);
    }

    /** Values of the summed columns that added nothing: not amounts, or amounts larger than a total can be kept. */
    public long unsummed() {
        return Arrays.stream(unsummed).sum();
    }

    /**
     * What the control file's values (its column -> value) say that these totals do not, in one line naming the
     * control file and each column that differs; empty when they agree.
     */
    public Optional<String> differencesFrom(String controlFileName, Map<String, String> control) {
        ControlTotalRules.ControlFile layout = rules.control().orElseThrow();
        List<String> differences = new ArrayList<>();
        String rowsText = control.get(layout.rowsColumn());
        if (rowsText == null) {
            differences.add("it has no '" + layout.rowsColumn() + "'");
        } else {
            try {
                long expected = Long.parseLong(rowsText.strip().replace(",", ""));
                if (expected != file.rows) {
                    differences.add("'" + layout.rowsColumn() + "' is " + expected + ", the file has " + file.rows + " rows");
                }
            } catch (NumberFormatException notANumber) {
                differences.add("'" + layout.rowsColumn() + "' is not a number");
            }
        }
        layout.sumColumns().forEach((measure, column) -> sumDiffers(measure, column, control.get(column)).ifPresent(differences::add));
        return differences.isEmpty() ? Optional.empty()
                : Optional.of("the control file " + controlFileName + " disagrees: " + String.join("; ", differences));
    }

    private Optional<String> sumDiffers(String measure, String column, String text) {
        if (text == null) {
            return Optional.of("it has no '" + column + "'");
        }
        BigDecimal expected;
        try {
            expected = (BigDecimal) parser.parse(text.strip(), BigDecimal.class);
        } catch (IllegalArgumentException notAnAmount) {
            return Optional.of("'" + column + "' is not an amount");
        }
        BigDecimal counted = sums().getOrDefault(measure, BigDecimal.ZERO);
        if (expected.compareTo(counted) == 0) {
            return Optional.empty();
        }
        return Optional.of("'" + column + "' is " + expected.toPlainString() + ", the rows' " + measure + " sum to "
                + counted.toPlainString() + notSummed(measure));
    }

    /** How many of a measure's values the sum lacks, where it lacks any. */
    private String notSummed(String measure) {
        long count = unsummed[measureIndex(measure)];
        return count == 0 ? "" : " (" + count + (count == 1 ? " value" : " values") + " could not be summed)";
    }

    private int measureIndex(String measure) {
        List<ControlTotalRules.Measure> measures = rules.sums();
        for (int i = 0; i < measures.size(); i++) {
            if (measures.get(i).name().equals(measure)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a measure of the file: " + measure);
    }

    /** The totals of the day a date text names; null when it names none. */
    private Totals dayOf(String text) {
        if (text == null) {
            return null;
        }
        Totals known = dayByText.get(text);
        if (known != null) {
            return known == noDay ? null : known;
        }
        Totals day;
        try {
            LocalDate date = (LocalDate) parser.parse(text, LocalDate.class);
            day = days.computeIfAbsent(date, d -> new Totals(rules.sums().size()));
        } catch (IllegalArgumentException notADate) {
            day = noDay;
        }
        if (dayByText.size() < DAY_TEXTS_REMEMBERED) {
            dayByText.put(text, day);
        }
        return day == noDay ? null : day;
    }

    /** One day's rows and sums. */
    public record Day(long rows, Map<String, BigDecimal> sums) {
    }

    /** Rows, and a sum per measure in the order of the rules' measures. */
    private final class Totals {
        private long rows;
        private final BigDecimal[] sums;

        Totals(int measures) {
            sums = new BigDecimal[measures];
        }

        void add(int measure, BigDecimal amount) {
            sums[measure] = sums[measure] == null ? amount : sums[measure].add(amount);
        }

        Map<String, BigDecimal> sums() {
            Map<String, BigDecimal> all = new LinkedHashMap<>();
            List<ControlTotalRules.Measure> measures = rules.sums();
            for (int i = 0; i < measures.size(); i++) {
                all.put(measures.get(i).name(), sums[i] != null ? sums[i] : BigDecimal.ZERO.setScale(2));
            }
            return Collections.unmodifiableMap(all);
        }
    }
}
