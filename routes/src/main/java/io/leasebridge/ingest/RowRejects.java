package io.leasebridge.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.MappedRow;
import io.leasebridge.mapping.RecordLayout;
import io.leasebridge.mapping.SourceRow;
import io.leasebridge.mapping.Violation;
import io.leasebridge.privacy.PersonalDataMasker;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The dead letters of export rows. A dead letter holds only what the field map reads (the mapped columns),
 * with personal data masked; a row whose shape is wrong keeps nothing, since its values may sit in the
 * wrong columns (an SSN shifted into a phone column). Reasons never quote an unmapped column.
 */
@Component
public class RowRejects {

    public static final String ROW_SUFFIX = " row";
    static final String HUB_REFUSED = "HUB_REFUSED";
    private static final int MAX_VALUE_LENGTH = 1_000;

    private final PersonalDataMasker masker;
    private final ObjectMapper json;

    RowRejects(PersonalDataMasker masker, ObjectMapper json) {
        this.masker = masker;
        this.json = json;
    }

    public DeadLetter invalid(String flow, String export, ExportLayout layout, MappedRow mapped) {
        List<Violation> violations = mapped.violations();
        String fields = violations.stream().map(Violation::field).distinct().collect(Collectors.joining(", "));
        String code = violations.stream().map(Violation::code).filter(c -> !Violation.INVALID_VALUE.equals(c))
                .findFirst().orElse(Violation.INVALID_VALUE);
        SourceRow source = mapped.source();
        boolean trusted = !source.hasWrongShape();
        return new DeadLetter(flow, export + ROW_SUFFIX, trusted ? recordKey(layout, source) : position(source),
                source.file(), source.line(), fields, code, masker.mask(describe(violations)), trusted ? payload(source) : null);
    }

    DeadLetter conflicting(String flow, String export, ExportLayout layout, SourceRow source, String reason) {
        return new DeadLetter(flow, export + ROW_SUFFIX, recordKey(layout, source), source.file(), source.line(),
                "row", Violation.CONFLICTING_DUPLICATE, reason + ": neither row is stored; the hub keeps what it had",
                payload(source));
    }

    DeadLetter cutShort(String flow, String export, String file, long line) {
        return new DeadLetter(flow, export + ROW_SUFFIX, file + ":" + line, file, line, "row", Violation.TRUNCATED_ROW,
                "the file ends inside this row, within a quoted value or a character: the row is cut short (an interrupted transfer?)",
                null);
    }

    DeadLetter refusedByHub(String flow, String export, ExportLayout layout, MappedRow mapped, String databaseMessage) {
        SourceRow source = mapped.source();
        return new DeadLetter(flow, export + ROW_SUFFIX, recordKey(layout, source), source.file(), source.line(), "row",
                HUB_REFUSED, "the hub refused the row: " + masker.mask(databaseMessage), payload(source));
    }

    /** A row whose values are all readable but which names something the hub does not have, e.g. an unknown id. */
    public DeadLetter unknownReference(String flow, String export, ExportLayout layout, MappedRow mapped, String field, String code,
                                       String reason) {
        SourceRow source = mapped.source();
        return new DeadLetter(flow, export + ROW_SUFFIX, recordKey(layout, source), source.file(), source.line(), field, code,
                masker.mask(reason), payload(source));
    }

    /** The key of the record a rejected row was about, when the row could be read well enough to tell. */
    static java.util.Optional<String> recordKeyOf(DeadLetter rejected) {
        String position = rejected.sourceFile() + ":" + rejected.sourceLine();
        return rejected.recordKey() == null || rejected.recordKey().equals(position)
                ? java.util.Optional.empty() : java.util.Optional.of(rejected.recordKey());
    }

    /** One line naming each bad column once, even when two records read it (Customer Number feeds both). */
    static String describe(List<Violation> violations) {
        return violations.stream()
                .map(v -> v.column().isEmpty() ? v.reason() : "column '" + v.column() + "' (" + v.field() + "): " + v.reason())
                .distinct()
                .collect(Collectors.joining("; "));
    }

    /** The key of a valid row's record, which closes that record's open dead letter; null when the row does not tell it. */
    static String recordKeyOfValid(ExportLayout layout, MappedRow row) {
        return keyOf(layout, row.source());
    }

    /** The id of the row's main record, or where it is. */
    private static String recordKey(ExportLayout layout, SourceRow source) {
        String key = keyOf(layout, source);
        return key != null ? key : position(source);
    }

    /** The id of the row's main record (the last of the layout that it tells: a lease in the accounts export), or null. */
    private static String keyOf(ExportLayout layout, SourceRow source) {
        List<RecordLayout> records = layout.records();
        for (int i = records.size() - 1; i >= 0; i--) {
            String value = joined(source, records.get(i).keyColumns());
            if (value != null && value.length() <= 255) {
                return value;
            }
        }
        return null;
    }

    /** The values of these columns joined by |, or null when there are none or one is blank. */
    private static String joined(SourceRow source, List<String> columns) {
        if (columns.isEmpty()) {
            return null;
        }
        if (columns.size() == 1) {
            return source.value(columns.get(0));
        }
        StringJoiner values = new StringJoiner("|");
        for (String column : columns) {
            String value = source.value(column);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values.toString();
    }

    private static String position(SourceRow source) {
        return source.file() + ":" + source.line();
    }

    private static String keptPart(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH);
    }

    private String payload(SourceRow source) {
        Map<String, String> values = new LinkedHashMap<>();
        // masked whole, then cut: cut first, a number across the cut would lose the digits its pattern needs
        source.values().forEach((column, value) -> values.put(column, keptPart(masker.maskValue(column, value))));
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
