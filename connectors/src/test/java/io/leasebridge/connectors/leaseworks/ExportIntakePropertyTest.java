package io.leasebridge.connectors.leaseworks;

import io.leasebridge.mapping.ExportMapper;
import io.leasebridge.mapping.MappedRow;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random exports (quoting, embedded newlines and delimiters, byte-order marks, CRLF or LF, missing and
 * extra values, unicode, long values) never throw out of the reader and mapper, and every row read ends
 * as exactly one outcome: records, or violations.
 */
class ExportIntakePropertyTest {

    private static final List<String> COLUMNS = List.of("Payment ID", "Contract Number", "Amount", "Received Date",
            "Payment Method", "Reversal Of");

    @Property(tries = 300)
    void everyRowReadIsStoredOrQuarantinedAndNothingThrows(@ForAll("exports") String text, @ForAll boolean bom) {
        ExportMapper mapper = Exports.FIELD_MAP.mapper("payments");
        List<MappedRow> outcomes = new ArrayList<>();
        byte[] bytes = ((bom ? "\uFEFF" : "") + text).getBytes(StandardCharsets.UTF_8);

        ExportRead read = new ExportReader(mapper.layout(), StandardCharsets.UTF_8)
                .read("payments.csv", new ByteArrayInputStream(bytes), row -> outcomes.add(mapper.map(row)));

        assertThat(outcomes).hasSize((int) read.rows());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.isValid()).isNotEqualTo(o.records().isEmpty()));
        assertThat(outcomes).filteredOn(o -> o.source().hasWrongShape()).allSatisfy(o -> assertThat(o.isValid()).isFalse());
    }

    @Provide
    Arbitrary<String> exports() {
        Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r\n");
        Arbitrary<List<String>> rows = row().list().ofMaxSize(30);
        return Combinators.combine(lineEnd, rows).as((end, lines) -> String.join(",", COLUMNS) + end + String.join(end, lines) + end);
    }

    private Arbitrary<String> row() {
        return value().list().ofMinSize(1).ofMaxSize(9).map(values -> String.join(",", values));
    }

    private Arbitrary<String> value() {
        Arbitrary<String> plain = Arbitraries.oneOf(
                Arbitraries.of("P-1", "L-1", "100.00", "$1,000.00", "03/01/2026", "2026-02-30", "ACH", "", " ", "-5", "abc"),
                Arbitraries.strings().withCharRange(' ', '~').excludeChars('"', ',', '\n', '\r').ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u00a0', '\u024f').ofMaxLength(10),
                Arbitraries.strings().withChars('x').ofMinLength(200).ofMaxLength(2_000));
        Arbitrary<String> quoted = Arbitraries.strings().withCharRange(' ', '~').withChars('\n', ',', '\u00e9').ofMaxLength(30)
                .map(s -> '"' + s.replace("\"", "\"\"") + '"');
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, plain),
                net.jqwik.api.Tuple.of(2, quoted));
    }
}
