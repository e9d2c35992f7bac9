package io.leasebridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * LeaseWorks' daily GL summary export for the sandbox: for each day, cash received debited, receivables
 * and late fees credited, balanced to the cent; the GL accounts are those of {@code config/mappings/quickbooks.yml}.
 */
public final class GlExportWriter {

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private GlExportWriter() {
    }

    /** Writes {@code gl_<first day>.csv} with {@code days} days from {@code first}; returns the file. */
    public static Path write(Path inbox, LocalDate first, int days, long seed) {
        Random random = new Random(seed ^ first.toEpochDay());
        StringBuilder csv = new StringBuilder("GL Date,GL Account,Debit,Credit,Memo\n");
        for (int i = 0; i < days; i++) {
            String day = first.plusDays(i).format(US);
            BigDecimal cash = BigDecimal.valueOf(5_000 + random.nextInt(40_000), 0).add(BigDecimal.valueOf(random.nextInt(100), 2));
            BigDecimal fees = cash.multiply(BigDecimal.valueOf(3 + random.nextInt(5), 2)).setScale(2, RoundingMode.HALF_UP);
            csv.append(day).append(",1010,").append(cash).append(",0.00,Lease payments received\n");
            csv.append(day).append(",1200,0.00,").append(cash.subtract(fees)).append(",Receivables applied\n");
            csv.append(day).append(",4100,0.00,").append(fees).append(",Late fees earned\n");
        }
        Path file = inbox.resolve("gl_" + first.format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv");
        try {
            Files.createDirectories(inbox);
            Files.writeString(file, csv);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
