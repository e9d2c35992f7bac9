package io.leasebridge.ingest;

import io.leasebridge.mapping.ExportFileRules;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The export file being read: its name, the day it describes (the field map's as-of column, or the date in its
 * name, e.g. {@code promises_20261127.csv}, else today), the leases it has shown so far, for a snapshot that must
 * tell what disappeared, and whether absence may be read as meaning anything at all: not in a file that
 * looks cut short, nor about a record whose row was quarantined (its key is known, the file says nothing of it).
 */
public final class ExportFile {

    private final String name;
    private final LocalDate asOf;
    // written by every writer of the file, side by side
    private final Set<String> leasesSeen = ConcurrentHashMap.newKeySet();
    private final Set<String> keysQuarantined = ConcurrentHashMap.newKeySet();
    private String noInferenceBecause;
    private String supersededBy;
    private long rowsInFile;

    public ExportFile(String name, ExportFileRules rules, LocalDate today) {
        this(name, rules.dateIn(name).orElse(today));
    }

    /** A file of a day known otherwise than by its name (a column of its rows). */
    public ExportFile(String name, LocalDate asOf) {
        this.name = name;
        this.asOf = asOf;
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

    /**
     * A row of the file was quarantined. With its record's key, that record is in doubt: the file neither shows
     * nor denies it. A row without a readable key tells nothing of any record.
     */
    void rowQuarantined(Optional<String> recordKey) {
        recordKey.ifPresent(keysQuarantined::add);
    }

    /** Whether a row of this record was quarantined so far. */
    boolean wasQuarantined(String recordKey) {
        return keysQuarantined.contains(recordKey);
    }

    /** The keys of the records whose rows were quarantined and that no valid row showed. */
    public Set<String> keysOnlyQuarantined() {
        Set<String> keys = new HashSet<>(keysQuarantined);
        keys.removeAll(leasesSeen);
        return keys;
    }

    /** The file's rows, as its first pass counted them. */
    public long rowsInFile() {
        return rowsInFile;
    }

    void rowsInFile(long rows) {
        rowsInFile = rows;
    }

    /** From now on nothing is inferred from what the file lacks. */
    void inferNothingFromAbsence(String reason) {
        noInferenceBecause = reason;
    }

    /**
     * A snapshot of a later day of the same export was read before this one: this file shows what was current
     * then, so it changes nothing of what the later one set (the promise ledger ignores it).
     */
    void supersededBy(String laterFile) {
        supersededBy = laterFile;
        inferNothingFromAbsence("older than " + laterFile + ", which was read before it: nothing of it is taken as current");
    }

    /** Whether a later snapshot of the same export was read before this one. */
    public boolean superseded() {
        return supersededBy != null;
    }

    /** Why nothing may be inferred from the file's missing rows, if so. */
    public Optional<String> noInferenceBecause() {
        return Optional.ofNullable(noInferenceBecause);
    }
}
