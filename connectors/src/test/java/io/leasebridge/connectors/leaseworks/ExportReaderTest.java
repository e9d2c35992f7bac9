package io.leasebridge.connectors.leaseworks;

import io.leasebridge.mapping.ExportMapper;
import io.leasebridge.mapping.MappedRow;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.Violation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.leasebridge.connectors.leaseworks.Exports.PAYMENTS_HEADER;
import static io.leasebridge.connectors.leaseworks.Exports.payments;
import static io.leasebridge.connectors.leaseworks.Exports.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final List<SourceRow> rows = new ArrayList<>();
    private final ExportReader reader = new ExportReader(payments(), StandardCharsets.UTF_8);

    @Test
    void aRowCutShortOrWithAnExtraValueCarriesItsShape() {
        ExportRead read = reader.read("payments.csv", text(PAYMENTS_HEADER + "\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-2,L-1,100.00\n"
                + "P-3,L-1,1,000.00,03/01/2026,ACH,\n"), rows::add);

        assertThat(read.rows()).isEqualTo(3);
        assertThat(rows.get(0).hasWrongShape()).isFalse();
        assertThat(rows.get(1)).satisfies(r -> {
            assertThat(r.hasWrongShape()).isTrue();
            assertThat(r.expectedValues()).isEqualTo(6);
            assertThat(r.foundValues()).isEqualTo(3);
            assertThat(r.line()).isEqualTo(3);
        });
        assertThat(rows.get(2).foundValues()).isEqualTo(7);
    }

    @Test
    void aSpreadsheetsTrailingRowsOfCommasAndBlankHeaderColumnsAreNotRows() {
        ExportRead read = reader.read("payments.csv", text(PAYMENTS_HEADER + ",,\r\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,,,\r\n"
                + ",,,,,,,\r\n,,,,,,,\r\n"), rows::add);

        assertThat(read.rows()).isEqualTo(1);
        assertThat(rows.get(0).hasWrongShape()).isFalse();
        assertThat(rows.get(0).value("Payment ID")).isEqualTo("P-1");
    }

    @Test
    void aFileThatEndsInsideAQuotedValueIsReadUpToItsLastWholeRow() {
        ExportRead read = reader.read("payments.csv", text(PAYMENTS_HEADER + "\n"
                + "P-1,L-1,100.00,03/01/2026,ACH,\n"
                + "P-2,L-1,100.00,03/01/2026,\"AC"), rows::add);

        assertThat(rows).extracting(r -> r.value("Payment ID")).containsExactly("P-1");
        assertThat(read.endsInsideQuotedValue()).isTrue();
        assertThat(read.cutAtLine()).isEqualTo(3);
    }

    @Test
    void anEmptyFileIsAnEmptyExportAndAHeaderOnlyFileHasNoRows() {
        assertThat(reader.read("payments.csv", text(""), rows::add).empty()).isTrue();
        ExportRead headerOnly = reader.read("payments.csv", text(PAYMENTS_HEADER + "\n"), rows::add);
        assertThat(headerOnly.empty()).isFalse();
        assertThat(headerOnly.rows()).isZero();
        assertThat(rows).isEmpty();
    }

    @Test
    void aHeaderWithoutARequiredColumnRefusesTheFileNamingTheColumn() {
        assertThatThrownBy(() -> reader.read("payments.csv", text("Payment ID,Amount\nP-1,10.00\n"), rows::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("'Contract Number'");
    }

    @Test
    void aColumnTheFieldMapReadsNamedTwiceRefusesTheFileNamingItAndAnotherRepeatedNameDoesNot() {
        assertThatThrownBy(() -> reader.read("payments.csv", text(PAYMENTS_HEADER + ",amount \nP-1,L-1,100.00,03/01/2026,ACH,,150.00\n"),
                rows::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessage("payments.csv: the header names column 'Amount' twice (columns 3 and 7); which one holds its values cannot be known");

        reader.read("payments.csv", text(PAYMENTS_HEADER + ",Memo,Memo\nP-1,L-1,100.00,03/01/2026,ACH,,a,b\n"), rows::add);
        assertThat(rows).extracting(r -> r.value("Payment ID")).containsExactly("P-1");
    }

    @Test
    void bytesThatAreNotUtf8RefuseTheFileNamingTheLineAndTheSetting() {
        byte[] latin1 = (PAYMENTS_HEADER + "\nP-1,L-1,100.00,03/01/2026,Ch\u00e8que,\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> reader.read("payments.csv", Exports.raw(latin1), rows::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("not UTF-8 text")
                .hasMessageContaining("'encoding'");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheLineThatHoldsThemNotTheLastRowParsed() {
        String threeRows = PAYMENTS_HEADER + "\nP-1,L-1,1.00,11/30/2026,ACH,\nP-2,L-1,2.00,11/30/2026,ACH,\n";
        StringBuilder manyRows = new StringBuilder(PAYMENTS_HEADER + "\nP-0,L-1,1.00,11/30/2026,\"two\r\nlines\",\n");
        for (int i = 1; i <= 400; i++) {
            manyRows.append("P-").append(i).append(",L-1,1.00,11/30/2026,ACH,\n");
        }
        String badRow = "P-X,L-1,3.00,11/30/2026,Ch\u00e8que,\nP-Y,L-1,4.00,11/30/2026,ACH,\n";

        assertThatThrownBy(() -> reader.read("payments.csv", Exports.bytes(threeRows + badRow, WINDOWS_1252), rows::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("not UTF-8 text (line 4)");
        assertThatThrownBy(() -> reader.read("payments.csv", Exports.bytes(manyRows + badRow, WINDOWS_1252), rows::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("not UTF-8 text (line 404)");
    }

    @Test
    void aFileCutInsideAMultiByteCharacterIsReadUpToItsLastWholeRow() {
        String wholeRow = PAYMENTS_HEADER + "\nP-1,L-1,100.00,03/01/2026,ACH,\n";

        for (String cutRow : List.of("P-2,L-1,100.00,03/01/2026,\"Ch", "P-2,L-1,100.00,03/01/2026,Ch")) {
            rows.clear();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes((wholeRow + cutRow).getBytes(StandardCharsets.UTF_8));
            bytes.write(0xC3);

            ExportRead read = reader.read("payments.csv", Exports.raw(bytes.toByteArray()), rows::add);

            assertThat(rows).extracting(r -> r.value("Payment ID")).containsExactly("P-1");
            assertThat(read.cutAtLine()).isEqualTo(3);
        }
    }

    @Test
    void aCharacterCutInTwoInTheMiddleOfTheFileIsRefusedNamingItsLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((PAYMENTS_HEADER + "\nP-1,L-1,100.00,03/01/2026,Ch").getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.writeBytes(",\nP-2,L-1,100.00,03/01/2026,ACH,\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> reader.read("payments.csv", Exports.raw(bytes.toByteArray()), rows::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("not UTF-8 text (line 2)");
    }

    @Test
    void theConfiguredEncodingReadsAWindowsFile() {
        byte[] windows = (PAYMENTS_HEADER + "\nP-1,L-1,100.00,03/01/2026,Ch\u00e8que,\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));

        new ExportReader(payments(), java.nio.charset.Charset.forName("windows-1252")).read("payments.csv", Exports.raw(windows), rows::add);

        assertThat(rows.get(0).value("Payment Method")).isEqualTo("Ch\u00e8que");
    }

    @Test
    void aUtf16FileWithItsByteOrderMarkIsRead() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes((PAYMENTS_HEADER + "\r\nP-1,L-1,100.00,03/01/2026,ACH,\r\n").getBytes(StandardCharsets.UTF_16LE));

        reader.read("payments.csv", Exports.raw(bytes.toByteArray()), rows::add);

        assertThat(rows).extracting(r -> r.value("Payment ID")).containsExactly("P-1");
    }

    @Test
    void aColumnsFirstValueIsFoundPastAByteOrderMarkAndBlankRowsWhateverTheHeadersSpelling() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE});
        bytes.writeBytes(("EXPORT\u00A0DATE ," + PAYMENTS_HEADER + "\r\n,,,,,,\r\n01/21/2026,P-1,L-1,100.00,03/01/2026,ACH,\r\n")
                .getBytes(StandardCharsets.UTF_16LE));

        assertThat(reader.firstValue("payments.csv", Exports.raw(bytes.toByteArray()), "Export Date")).contains("01/21/2026");
        assertThat(reader.firstValue("payments.csv", text(PAYMENTS_HEADER + "\nP-1,L-1,100.00,03/01/2026,ACH,\n"), "Export Date"))
                .isEmpty();
        assertThat(reader.firstValue("payments.csv", Exports.raw(new byte[]{0x50, 0x4B, 0x03, 0x04, 0x14}), "Export Date")).isEmpty();
    }

    @Test
    void binaryContentRefusesTheFile() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00};

        assertThatThrownBy(() -> reader.read("payments.csv", Exports.raw(zip), rows::add))
                .isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("binary content");
    }

    @Test
    void headerNamesWithNoBreakSpacesMatchTheirColumns() {
        String header = "Payment\u00A0ID,\u00A0Contract Number\u202F,Amount,Received\u2007Date,Payment Method,Reversal Of";

        reader.read("payments.csv", text(header + "\nP-1,L-1,100.00,03/01/2026,ACH,\n"), rows::add);

        assertThat(rows.get(0).value("Payment ID")).isEqualTo("P-1");
        assertThat(rows.get(0).value("Contract Number")).isEqualTo("L-1");
        assertThat(rows.get(0).value("Received Date")).isEqualTo("03/01/2026");
    }

    @Test
    void aStrayControlCharacterQuarantinesOnlyItsRowNamingTheColumnAndTheCharacterNotTheValue() {
        ExportMapper mapper = Exports.FIELD_MAP.mapper("payments");
        StringBuilder past8K = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            past8K.append("P-").append(i).append(",L-1,1.00,11/30/2026,ACH,\n");
        }
        String strayRow = "P-X,L-1,1.00,11/30/2026,AC\u0000H,\n";

        for (String rowsBefore : List.of("P-1,L-1,1.00,11/30/2026,ACH,\n", past8K.toString())) {
            rows.clear();
            reader.read("payments.csv", text(PAYMENTS_HEADER + "\n" + rowsBefore + strayRow + "P-Y,L-1,2.00,11/30/2026,ACH,\n"), rows::add);

            List<MappedRow> mapped = rows.stream().map(mapper::map).toList();
            assertThat(mapped).filteredOn(MappedRow::isValid).extracting(r -> r.source().value("Payment ID"))
                    .endsWith("P-Y").doesNotContain("P-X");
            assertThat(mapped).filteredOn(r -> !r.isValid()).singleElement().satisfies(r -> {
                assertThat(r.source().hasWrongShape()).isTrue();
                assertThat(r.violations()).singleElement().satisfies(v -> {
                    assertThat(v.code()).isEqualTo(Violation.CONTROL_CHARACTER);
                    assertThat(v.column()).isEqualTo("Payment Method");
                    assertThat(v.reason()).contains("U+0000").doesNotContain("AC");
                });
            });
        }
    }

    @Test
    void aWorkbookArchiveOrPdfDroppedByMistakeRefusesTheFileEvenWhenItStartsAsText() {
        byte[] storedZip = ("PK\u0003\u0004\n\u0000\u0000\u0000\u0000\u0000payments.csv" + PAYMENTS_HEADER
                + "\nP-1,L-1,100.00,03/01/2026,ACH,\n".repeat(50)).getBytes(StandardCharsets.ISO_8859_1);
        byte[] pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);

        for (byte[] binary : List.of(storedZip, pdf)) {
            assertThatThrownBy(() -> reader.read("payments.csv", Exports.raw(binary), rows::add))
                    .isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("binary content");
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsSkippedBeforeTheHeader() {
        reader.read("payments.csv", text("\uFEFF" + PAYMENTS_HEADER + "\nP-1,L-1,100.00,03/01/2026,ACH,\n"), rows::add);

        assertThat(rows.get(0).value("Payment ID")).isEqualTo("P-1");
    }
}
