package io.leasebridge.ingest;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The export file being read: its name, the day it describes (the date in its name, e.g.
 * {@code promises_20261127.csv}, else today), and the leases it has shown so far, for a snapshot that
 * must tell what disappeared.
 */
public final class ExportFile {

    private static final Pattern DATE_IN_NAME = Pattern.compile("(20\\d{2})(\\d{2})(\\d{2})");

    private final String name;
    private final LocalDate asOf;
    private final Set<String> leasesSeen = new HashSet<>();

    public ExportFile(String name, LocalDate today) {
        this.name = name;
        this.asOf = dateIn(name).orElse(today);
    }

    public String name() {
        return name;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public void sawLease(String leaseId) {
        leasesSeen.add(leaseId);
    }

    public Set<String> leasesSeen() {
        return leasesSeen;
    }

    static Optional<LocalDate> dateIn(String name) {
        Matcher m = DATE_IN_NAME.matcher(name);
        while (m.find()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            } catch (java.time.DateTimeException notADate) {
                // digits that are not a date: look further
            }
        }
        return Optional.empty();
    }
}
