package io.leasebridge.connectors.leaseworks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.leasebridge.connectors.leaseworks.Exports.PAYMENTS_HEADER;
import static io.leasebridge.connectors.leaseworks.Exports.payments;
import static io.leasebridge.connectors.leaseworks.Exports.text;
import static org.assertj.core.api.Assertions.assertThat;

class ExportScanTest {

    private final ExportScan scan = new ExportScan(payments(), StandardCharsets.UTF_8);

    @Test
    void twoRowsWithTheSameKeyAndOtherValuesAreBothConflictsNamingEachOther() {
        ExportScan.Result result = scan.scan("payments.csv", text(PAYMENTS_HEADER + "\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-2,L-1,50.00,03/01/2026,ACH,\n"
                + "P-1,L-1,150.00,03/01/2026,ACH,\n"));

        assertThat(result.read().rows()).isEqualTo(3);
        assertThat(result.conflicts()).containsOnlyKeys(2L, 4L);
        assertThat(result.conflicts().get(2L)).contains("Payment ID").contains("line 4");
        assertThat(result.conflicts().get(4L)).contains("line 2");
    }

    @Test
    void identicalDuplicatesAreNoConflict() {
        ExportScan.Result result = scan.scan("payments.csv", text(PAYMENTS_HEADER + "\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-1,L-1,100.00,03/01/2026, ACH ,\n"));

        assertThat(result.conflicts()).isEmpty();
    }

    @Test
    void aCustomerRepeatedOnEachOfItsLeasesIsNoConflictButAChangedNameIs() {
        String header = "Customer Number,Customer Name,Contract Number,Contract Status,Days Past Due,Past Due Amount,Payments Made,"
                + "Do Not Call,Do Not Text,Text Consent,Email Consent";
        ExportScan accounts = new ExportScan(Exports.FIELD_MAP.layout("accounts"), StandardCharsets.UTF_8);

        ExportScan.Result result = accounts.scan("accounts.csv", text(header + "\n"
                + "C-1,Ada Lovelace,L-1,Active,0,0.00,3,N,N,Y,Y\n"
                + "C-1,Ada Lovelace,L-2,Active,0,0.00,3,N,N,Y,Y\n"
                + "C-2,Alan Turing,L-3,Active,0,0.00,3,N,N,Y,Y\n"
                + "C-2,Alan M Turing,L-4,Active,0,0.00,3,N,N,Y,Y\n"));

        assertThat(result.conflicts()).containsOnlyKeys(4L, 5L);
        assertThat(result.conflicts().get(4L)).contains("Customer Number");
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
    }
}
