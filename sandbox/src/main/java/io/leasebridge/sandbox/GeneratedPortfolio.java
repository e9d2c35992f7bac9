package io.leasebridge.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What {@link PortfolioGenerator} wrote: the three export files, what in them is valid, and every row
 * that was deliberately made malformed.
 *
 * <p>A row is valid when the LeaseWorks field map accepts it; a malformed row yields no records at all,
 * so its lease (or payment, or note) is not among the valid ids. Payments and notes of a lease whose
 * accounts row is malformed are still written, as LeaseWorks would export them; they are valid rows
 * whose lease Salesforce will not find, counted in {@code paymentsWithoutValidLease} and
 * {@code notesWithoutValidLease}.
 *
 * @param customerIds distinct customers with at least one valid accounts row (empty when the generator
 *                    was told not to keep ids; {@code validCustomers} still counts them)
 * @param leaseIds    leases of valid accounts rows (one row per lease)
 * @param paymentIds  payments of valid payment rows, reversals included
 * @param noteIds     notes of valid note rows
 */
public record GeneratedPortfolio(
        Path folder,
        ExportFile accounts,
        ExportFile payments,
        ExportFile notes,
        long validCustomers,
        Set<String> customerIds,
        Set<String> leaseIds,
        Set<String> paymentIds,
        Set<String> noteIds,
        long paymentsWithoutValidLease,
        long notesWithoutValidLease,
        List<MalformedRow> malformedRows) {

    /**
     * One export file.
     *
     * @param export    the export's name in the field map: {@code accounts}, {@code payments}, {@code notes}
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

    public List<MalformedRow> malformedIn(ExportFile file) {
        return malformedRows.stream().filter(r -> r.file().equals(file.fileName())).toList();
    }

    public List<ExportFile> files() {
        return List.of(accounts, payments, notes);
    }
}
