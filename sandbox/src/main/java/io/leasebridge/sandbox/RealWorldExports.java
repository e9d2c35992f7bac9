package io.leasebridge.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Export files the way real ones sometimes arrive, beside the generated portfolio: a payments file
 * hand-edited in a spreadsheet and then cut short by a failed transfer, an empty notes file, and one
 * file that is not a CSV at all. Each problem is one the intake must quarantine alone (or, for the
 * unreadable file, refuse whole) without losing the rest.
 */
final class RealWorldExports {

    static final String HAND_EDITED = "payments_%s_hand-edited.csv";
    static final String EMPTY = "notes_%s_empty.csv";
    static final String UNREADABLE = "payments_%s_unreadable.csv";
    /** A lease no export shows: its payment waits for it, never sent to Salesforce. */
    static final String UNKNOWN_LEASE = "L-999999";

    private RealWorldExports() {
    }

    /** Writes the three files into the inbox for the export day ({@code yyyyMMdd}); {@code leaseId} is a valid lease. */
    static void write(Path inbox, String day, String leaseId) {
        List<String> handEdited = List.of(
                "Payment ID,Contract Number,Amount,Received Date,Payment Method,Reversal Of",
                "P-HE-000001," + leaseId + ",125.00,11/20/2026,ACH,",
                // cut short when a cell was cleared and the row saved without its trailing commas
                "P-HE-000002," + leaseId + ",125.00",
                // an amount typed with a thousands separator and no quotes: one value too many
                "P-HE-000003," + leaseId + ",1,250.00,11/21/2026,ACH,",
                // the same payment twice with other amounts: neither can be known to be right
                "P-HE-000004," + leaseId + ",80.00,11/22/2026,ACH,",
                "P-HE-000004," + leaseId + ",90.00,11/22/2026,ACH,",
                // a note pasted into the method column: longer than the payment method holds
                "P-HE-000005," + leaseId + ",60.00,11/23/2026,\"" + "card payment taken by phone; customer asked us to call back. ".repeat(6) + "\",",
                // a payment of a lease LeaseWorks did not export (yet): held until the lease arrives
                "P-HE-000006," + UNKNOWN_LEASE + ",75.00,11/24/2026,ACH,",
                // the first row again, exactly: counted once
                "P-HE-000001," + leaseId + ",125.00,11/20/2026,ACH,",
                // the transfer failed inside a quoted value
                "P-HE-000007," + leaseId + ",40.00,11/25/2026,\"CHE");
        try {
            Files.writeString(inbox.resolve(HAND_EDITED.formatted(day)), String.join("\r\n", handEdited), StandardCharsets.UTF_8);
            Files.write(inbox.resolve(EMPTY.formatted(day)), new byte[0]);
            Files.write(inbox.resolve(UNREADABLE.formatted(day)), new byte[]{0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00,
                    0x21, 0x00, 0x7F, 0x1A, 0x00, 0x00});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the real-world exports into " + inbox, e);
        }
    }
}
