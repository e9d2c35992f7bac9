package io.leasebridge.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * rows whose values sit in their columns, for the whole file and per day. A value that is not an amount
 * adds nothing (its row is quarantined for it) and is counted as unreadable.
 */
public final class FileTotals {

    /** Date texts remembered with their day: a file's rows repeat a few thousand, each is read as a date once. */
    private static final int DAY_TEXTS_REMEMBERED = 10_000;

    private final ControlTotalRules rules;
    private final ValueParser parser;
    private final Totals file;
    private final SortedMap<LocalDate, Totals> days = new TreeMap<>();
    /** Date text -> its day's totals, or {@link #noDay} for a text that is not a date (bad rows repeat theirs too). */
    private final Map<String, Totals> dayByText = new HashMap<>();
    private final Totals noDay = new Totals(0);
    private long unreadable;

    FileTotals(ControlTotalRules rules, ValueParser parser) {
        this.rules = rules;
        this.parser = parser;
        this.file = new Totals(rules.sums().size());
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
            try {
                BigDecimal amount = (BigDecimal) parser.parse(text, BigDecimal.class);
                file.add(i, amount);
                if (day != null) {
                    day.add(i, amount);
                }
            } catch (IllegalArgumentException notAnAmount) {
                unreadable++;
            }
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

    /** Values of the summed columns that were not amounts. */
    public long unreadable() {
        return unreadable;
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
        layout.sumColumns().forEach((measure, column) -> {
            String text = control.get(column);
            if (text == null) {
                differences.add("it has no '" + column + "'");
                return;
            }
            BigDecimal counted = sums().getOrDefault(measure, BigDecimal.ZERO);
            try {
                BigDecimal expected = (BigDecimal) parser.parse(text.strip(), BigDecimal.class);
                if (expected.compareTo(counted) != 0) {
                    differences.add("'" + column + "' is " + expected.toPlainString() + ", the rows' " + measure + " sum to "
                            + counted.toPlainString());
                }
            } catch (IllegalArgumentException notAnAmount) {
                differences.add("'" + column + "' is not an amount");
            }
        });
        return differences.isEmpty() ? Optional.empty()
                : Optional.of("the control file " + controlFileName + " disagrees: " + String.join("; ", differences));
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
