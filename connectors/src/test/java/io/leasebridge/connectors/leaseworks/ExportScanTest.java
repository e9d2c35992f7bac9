package io.leasebridge.connectors.leaseworks;

import io.leasebridge.mapping.ExportLayout;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static io.leasebridge.connectors.leaseworks.Exports.PAYMENTS_HEADER;
import static io.leasebridge.connectors.leaseworks.Exports.payments;
import static io.leasebridge.connectors.leaseworks.Exports.text;
import static org.assertj.core.api.Assertions.assertThat;

class ExportScanTest {

    @Test
    void twoRowsWithTheSameKeyAndOtherValuesAreBothConflictsNamingEachOther() {
        String file = PAYMENTS_HEADER + "\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-2,L-1,50.00,03/01/2026,ACH,\n"
                + "P-1,L-1,150.00,03/01/2026,ACH,\n";

        assertThat(new ExportScan(payments(), StandardCharsets.UTF_8).scan("payments.csv", text(file)).read().rows()).isEqualTo(3);
        Map<Long, String> conflicts = conflictsByLine(payments(), file);
        assertThat(conflicts).containsOnlyKeys(2L, 4L);
        assertThat(conflicts.get(2L)).contains("Payment ID").contains("line 4");
        assertThat(conflicts.get(4L)).contains("line 2");
    }

    @Test
    void aKeyWhoseFirstValuesComeBackAfterOtherOnesIsAConflictInEveryRow() {
        Map<Long, String> conflicts = conflictsByLine(payments(), PAYMENTS_HEADER + "\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-1,L-1,150.00,03/01/2026,ACH,\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n");

        assertThat(conflicts).containsOnlyKeys(2L, 3L, 4L);
        assertThat(conflicts.get(4L)).as("a line whose values differ from its own").contains("line 3");
    }

    @Test
    void identicalDuplicatesBeforeAChangedOneAreConflictsToo() {
        Map<Long, String> conflicts = conflictsByLine(payments(), PAYMENTS_HEADER + "\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-1,L-1,175.00,03/01/2026,ACH,\n"
                + "P-2,L-1,50.00,03/01/2026,ACH,\n");

        assertThat(conflicts).containsOnlyKeys(2L, 3L, 4L);
        assertThat(conflicts.get(3L)).contains("line 4");
        assertThat(conflicts.get(4L)).contains("line 2");
    }

    @Test
    void identicalDuplicatesAreNoConflict() {
        Map<Long, String> conflicts = conflictsByLine(payments(), PAYMENTS_HEADER + "\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-1,L-1,100.00,03/01/2026, ACH ,\n");

        assertThat(conflicts).isEmpty();
    }

    @Test
    void aCustomerRepeatedOnEachOfItsLeasesIsNoConflictButAChangedNameIs() {
        String header = "Customer Number,Customer Name,Contract Number,Contract Status,Days Past Due,Past Due Amount,Payments Made,"
                + "Do Not Call,Do Not Text,Text Consent,Email Consent";
        Map<Long, String> conflicts = conflictsByLine(Exports.FIELD_MAP.layout("accounts"), header + "\n"
                + "C-1,Ada Lovelace,L-1,Active,0,0.00,3,N,N,Y,Y\n"
                + "C-1,Ada Lovelace,L-2,Active,0,0.00,3,N,N,Y,Y\n"
                + "C-2,Alan Turing,L-3,Active,0,0.00,3,N,N,Y,Y\n"
                + "C-2,Alan M Turing,L-4,Active,0,0.00,3,N,N,Y,Y\n");

        assertThat(conflicts).containsOnlyKeys(4L, 5L);
        assertThat(conflicts.get(4L)).contains("Customer Number");
    }

    @Test
    void theKeyTableKeepsItsAnswersAsItGrows() {
        KeyTable table = new KeyTable();
        for (long key = 1; key <= 100_000; key++) {
            assertThat(table.putIfSame(key * 7919, (int) key, key)).isZero();
        }
        assertThat(table.size()).isEqualTo(100_000);
        assertThat(table.putIfSame(7919L * 500, 500, 9)).isZero();
        assertThat(table.putIfSame(7919L * 500, 501, 9)).isEqualTo(500);
        assertThat(table.contentOf(7919L * 500)).isEqualTo(500);
    }

    /** The scan's verdict on each row, as the read after it asks for it: line -> why the row conflicts. */
    private static Map<Long, String> conflictsByLine(ExportLayout layout, String file) {
        ExportScan.Result result = new ExportScan(layout, StandardCharsets.UTF_8).scan("export.csv", text(file));
        Map<Long, String> conflicts = new TreeMap<>();
        new ExportReader(layout, StandardCharsets.UTF_8).read("export.csv", text(file),
                row -> result.conflictOf(row).ifPresent(why -> conflicts.put(row.line(), why)));
        return conflicts;
    }
}
