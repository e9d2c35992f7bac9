package io.leasebridge.testing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small LeaseWorks export files for tests, in the column layout of config/mappings/leaseworks.yml. */
public final class LeaseWorksExports {

    public static final String ACCOUNTS_HEADER = "Customer Number,Customer Name,Home Phone,Mobile Phone,Email,Address Line 1,City,State,Zip,"
            + "Time Zone,Do Not Call,Do Not Text,Text Consent,Email Consent,SSN,Contract Number,Contract Status,Next Due Date,"
            + "Days Past Due,Past Due Amount,Late Fees,Payoff Amount,Payments Made,Last Payment Date,Last Payment Amount,Collector,VIN";
    public static final String PAYMENTS_HEADER = "Payment ID,Contract Number,Amount,Received Date,Payment Method,Reversal Of";
    public static final String NOTES_HEADER = "Note ID,Contract Number,Entered By,Note Date,Note Text";
    public static final String PROMISES_HEADER = "Contract Number,Promise Amount,Promise Date,Promise Entered By,Promise Entered At";

    private final List<String> lines = new ArrayList<>();

    private LeaseWorksExports(String header) {
        lines.add(header);
    }

    public static LeaseWorksExports accounts() {
        return new LeaseWorksExports(ACCOUNTS_HEADER);
    }

    public static LeaseWorksExports payments() {
        return new LeaseWorksExports(PAYMENTS_HEADER);
    }

    public static LeaseWorksExports promises() {
        return new LeaseWorksExports(PROMISES_HEADER);
    }

    /** A lease's current promise; {@code enteredAt} as LeaseWorks writes it, e.g. {@code 03/01/2026 09:30}. */
    public LeaseWorksExports promise(String leaseId, String amount, String promisedDate, String enteredBy, String enteredAt) {
        lines.add(String.join(",", leaseId, amount, promisedDate, enteredBy, enteredAt));
        return this;
    }

    /** A lease row with a given collector. */
    public LeaseWorksExports lease(String customerId, String name, String leaseId, int daysPastDue, String collector) {
        lease(customerId, name, leaseId, daysPastDue);
        String last = lines.remove(lines.size() - 1);
        lines.add(last.replace(",jdoe,", "," + collector + ","));
        return this;
    }

    public static LeaseWorksExports notes() {
        return new LeaseWorksExports(NOTES_HEADER);
    }

    /** A lease row of a customer; {@code name} may be any text, quoted as needed. */
    public LeaseWorksExports lease(String customerId, String name, String leaseId, int daysPastDue) {
        lines.add(String.join(",", customerId, quote(name), "(312) 555-0100", "312-555-0101", customerId.toLowerCase() + "@example.com",
                "1 Main St", "Chicago", "IL", "60601", "America/Chicago", "N", "Y", "Y", "N", "123-45-6789",
                leaseId, "ACTIVE", "12/01/2026", String.valueOf(daysPastDue), "\"$1,234.50\"", "25.00", "18000.00", "12",
                "10/15/2026", "450.00", "jdoe", "1HGCM82633A004352"));
        return this;
    }

    public LeaseWorksExports payment(String paymentId, String leaseId, String amount, String date) {
        lines.add(String.join(",", paymentId, leaseId, amount, date, "ACH", ""));
        return this;
    }

    public LeaseWorksExports note(String noteId, String leaseId, String text) {
        lines.add(String.join(",", noteId, leaseId, "jdoe", "11/20/2026 09:30", quote(text)));
        return this;
    }

    public LeaseWorksExports raw(String line) {
        lines.add(line);
        return this;
    }

    public String text() {
        return String.join("\r\n", lines) + "\r\n";
    }

    public InputStream stream() {
        return new ByteArrayInputStream(text().getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
