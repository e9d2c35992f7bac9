package io.leasebridge.sandbox;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link PortfolioGenerator} wrote: the export files, what in them is valid, the promises the
 * promise snapshots lay out and how each is meant to end, and every row that was deliberately made
 * malformed.
 *
 * <p>A row is valid when the LeaseWorks field map accepts it; a malformed row yields no records at all,
 * so its lease (or payment, or note) is not among the valid ids. Payments and notes of a lease whose
 * accounts row is malformed are still written, as LeaseWorks would export them; they are valid rows
 * whose lease Salesforce will not find, counted in {@code paymentsWithoutValidLease} and
 * {@code notesWithoutValidLease}.
 *
 * @param promiseSnapshots the promise exports, one per snapshot day, oldest first: each lists every lease's
 *                         current promise on that day
 * @param customerIds      distinct customers with at least one valid accounts row (empty when the generator
 *                         was told not to keep ids; {@code validCustomers} still counts them)
 * @param leaseIds         leases of valid accounts rows (one row per lease)
 * @param paymentIds       payments of valid payment rows, reversals included
 * @param noteIds          notes of valid note rows
 * @param promiseOutcomes  how many promises the files lay out to end each way
 * @param promises         every promise laid out, in lease order (empty when the generator was told not to
 *                         keep ids)
 * @param fleet            the leased vehicles, as Salesforce holds them (empty when not keeping ids)
 */
public record GeneratedPortfolio(
        Path folder,
        ExportFile accounts,
        ExportFile payments,
        ExportFile notes,
        List<ExportFile> promiseSnapshots,
        long validCustomers,
        Set<String> customerIds,
        Set<String> leaseIds,
        Set<String> paymentIds,
        Set<String> noteIds,
        long paymentsWithoutValidLease,
        long notesWithoutValidLease,
        PromiseOutcomes promiseOutcomes,
        List<PlannedPromise> promises,
        List<MalformedRow> malformedRows,
        List<FleetVehicle> fleet) {

    /**
     * One export file.
     *
     * @param export    the export's name in the field map: {@code accounts}, {@code payments}, {@code notes},
     *                  {@code promises}
     * @param rows      data rows written, header excluded
     * @param validRows rows the field map accepts
     */
    public record ExportFile(String export, Path path, long rows, long validRows) {

        public String fileName() {
            return path.getFileName().toString();
        }

        public long malformedRows() {
            return rows - validRows;
        }
    }

    /**
     * A row made malformed on purpose.
     *
     * @param file   the file name, e.g. {@code payments_20260115.csv}
     * @param line   the physical line the record starts on, the header being line 1; a quoted value with a
     *               line break in an earlier record moves later records further down than their record number
     * @param column the export column holding the bad value
     * @param defect what is wrong, in words
     */
    public record MalformedRow(String file, long line, String column, String defect) {
    }

    /** How a promise ends, in the ledger's words. */
    public enum PromiseOutcome { KEPT, PARTIALLY_KEPT, BROKEN, CANCELLED }

    /**
     * One promise as the snapshots show it and as the payments export treats it.
     *
     * @param enteredAt    when the collector entered it: its identity across snapshots
     * @param amount       the amount promised, as last amended
     * @param promisedDate the date promised, as last amended
     * @param amended      a later snapshot shows it with another amount or date (once)
     * @param replaced     a later snapshot shows a newer promise of the lease while this one was open
     * @param paymentIds   the payments, all in the payments export, that count towards it
     * @param takenBy      the collector who took the promise, whom its kept rate is credited to
     */
    public record PlannedPromise(String leaseId, Instant enteredAt, BigDecimal amount, LocalDate promisedDate,
                                 PromiseOutcome outcome, boolean amended, boolean replaced, List<String> paymentIds,
                                 String takenBy) {
    }

    /**
     * How many promises the files lay out to end each way under the ledger's default rules (2 grace days,
     * $1.00 tolerance, America/Chicago), when the ledger reads every snapshot in date order with the
     * payments export and judges as of {@code judgeAsOf}.
     *
     * @param amended          promises amended once, counted again under the outcome they end with
     * @param replaced         promises a newer one replaced while open, counted again under their outcome
     *                         (cancelled when replaced before their date, else judged by their payments)
     * @param onMalformedLease promises of leases whose accounts row is malformed: the ledger judges them, but
     *                         Salesforce holds no lease to put them under
     * @param judgeAsOf        the export date or the latest deadline (promised date + 2 days) of any promise,
     *                         whichever is later: judged as of this day, every promise not cancelled is judged
     */
    public record PromiseOutcomes(long kept, long partiallyKept, long broken, long cancelled, long amended, long replaced,
                                  long onMalformedLease, LocalDate judgeAsOf) {

        public long total() {
            return kept + partiallyKept + broken + cancelled;
        }

        /** The counts by outcome, every outcome present. */
        public Map<PromiseOutcome, Long> byOutcome() {
            Map<PromiseOutcome, Long> counts = new LinkedHashMap<>();
            counts.put(PromiseOutcome.KEPT, kept);
            counts.put(PromiseOutcome.PARTIALLY_KEPT, partiallyKept);
            counts.put(PromiseOutcome.BROKEN, broken);
            counts.put(PromiseOutcome.CANCELLED, cancelled);
            return counts;
        }
    }

    public List<MalformedRow> malformedIn(ExportFile file) {
        return malformedRows.stream().filter(r -> r.file().equals(file.fileName())).toList();
    }

    /**
     * The accounts, payments and notes exports, the ones every ingest route reads; the promise snapshots
     * are {@link #promiseSnapshots()}.
     */
    public List<ExportFile> files() {
        return List.of(accounts, payments, notes);
    }

    /** Every file written: the accounts, payments and notes exports, then the promise snapshots oldest first. */
    public List<ExportFile> allFiles() {
        List<ExportFile> all = new ArrayList<>(files());
        all.addAll(promiseSnapshots);
        return List.copyOf(all);
    }
}
