package io.leasebridge.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.leasebridge.model.CollectorNote;
import io.leasebridge.model.Customer;
import io.leasebridge.model.LeaseAccount;
import io.leasebridge.model.Payment;
import io.leasebridge.model.Promise;
import io.leasebridge.model.Vehicle;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The LeaseWorks field map ({@code config/mappings/leaseworks.yml}): export layouts and the text formats
 * of the deployment. Loading checks every name against the canonical model so that a typo fails at
 * start-up, naming the export and field, instead of silently mapping nothing.
 */
public final class LeaseWorksMapping {

    /** The canonical record each layout name produces. */
    static final Map<String, Class<? extends Record>> RECORD_TYPES = Map.of(
            "customer", Customer.class,
            "lease", LeaseAccount.class,
            "payment", Payment.class,
            "note", CollectorNote.class,
            "promise", Promise.class,
            "vehicle", Vehicle.class,
            "glLine", io.leasebridge.model.GlSummaryLine.class,
            "repoAdjustment", io.leasebridge.repo.RepoAdjustment.class);

    /** The fields that identify each record: two rows of one file with the same key describe the same record. */
    static final Map<String, List<String>> RECORD_KEYS = Map.of(
            "customer", List.of("customerId"),
            "lease", List.of("leaseId"),
            "payment", List.of("paymentId"),
            "note", List.of("noteId"),
            "promise", List.of("leaseId"),
            "vehicle", List.of("vin"),
            "glLine", List.of("glDate", "glAccount"));

    private static final List<String> FIELD_SETTINGS = List.of("column", "required", "pattern", "min", "max", "decimals",
            "absent");
    private static final List<String> FILE_SETTINGS = List.of("include", "snapshot", "date-in-name", "date-format", "totals",
            "totals-by-day", "control", "as-of-column");
    private static final List<String> CONTROL_SETTINGS = List.of("file", "rows", "sums");
    private static final String DEFAULT_DATE_IN_NAME = "(20\\d{6})";

    private final ValueParser parser;
    private final Map<String, ExportLayout> exports;
    private final Map<String, ExportLayout> imports;
    private final String dateFormat;
    private final Map<String, ExportFileRules> files;

    private LeaseWorksMapping(ValueParser parser, Map<String, ExportLayout> exports, Map<String, ExportLayout> imports,
                              String dateFormat, Map<String, ExportFileRules> files) {
        this.parser = parser;
        this.exports = exports;
        this.imports = imports;
        this.dateFormat = dateFormat;
        this.files = files;
    }

    public static LeaseWorksMapping load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new MappingConfigException("cannot read field map " + file + ": " + e.getMessage(), e);
        }
    }

    public static LeaseWorksMapping read(InputStream in, String source) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
        if (root == null || !root.path("exports").isObject()) {
            throw new MappingConfigException(source + ": no 'exports' section");
        }
        ZoneId zone = zone(root.path("zone").asText("UTC"), source);
        ValueParser parser = new ValueParser(
                strings(root.path("date-formats"), List.of("MM/dd/yyyy", "yyyy-MM-dd")),
                strings(root.path("datetime-formats"), List.of("yyyy-MM-dd'T'HH:mm:ss")),
                zone);
        Map<String, ExportLayout> exports = new LinkedHashMap<>();
        root.path("exports").fields().forEachRemaining(export ->
                exports.put(export.getKey(), layout(source, "exports", export.getKey(), export.getValue())));
        Map<String, ExportLayout> imports = new LinkedHashMap<>();
        root.path("imports").fields().forEachRemaining(layout ->
                imports.put(layout.getKey(), layout(source, "imports", layout.getKey(), layout.getValue())));
        String dateFormat = strings(root.path("date-formats"), List.of("MM/dd/yyyy")).get(0);
        Charset charset = charset(root.path("encoding").asText("UTF-8"), source);
        Map<String, ExportFileRules> files = new LinkedHashMap<>();
        for (String export : exports.keySet()) {
            JsonNode fileNode = root.path("files").path(export);
            files.put(export, fileRules(source, export, fileNode, charset, totalRules(source, export, fileNode, exports.get(export))));
        }
        root.path("files").fieldNames().forEachRemaining(export -> {
            if (!exports.containsKey(export)) {
                throw new MappingConfigException(source + ": files." + export + " names no export (exports: " + exports.keySet() + ")");
            }
        });
        return new LeaseWorksMapping(parser, Map.copyOf(exports), Map.copyOf(imports), dateFormat, Map.copyOf(files));
    }

    public ExportMapper mapper(String export) {
        return new ExportMapper(layout(export), parser);
    }

    public ExportLayout layout(String export) {
        return Optional.ofNullable(exports.get(export))
                .orElseThrow(() -> new MappingConfigException("the field map has no export '" + export + "'"));
    }

    /**
     * The columns of a file LeaseBridge writes for LeaseWorks to import ({@code imports.<name>}), in file order.
     */
    public ExportLayout importLayout(String name) {
        return Optional.ofNullable(imports.get(name))
                .orElseThrow(() -> new MappingConfigException("the field map has no import '" + name + "'"));
    }

    /** How the files of an export are recognised and read. */
    public ExportFileRules files(String export) {
        return Optional.ofNullable(files.get(export))
                .orElseThrow(() -> new MappingConfigException("the field map has no export '" + export + "'"));
    }

    /** A date as the exports write them ({@code date-formats}); empty when the text is none of them. */
    public Optional<LocalDate> date(String text) {
        try {
            return Optional.of((LocalDate) parser.parse(text.strip(), LocalDate.class));
        } catch (RuntimeException notADate) {
            return Optional.empty();
        }
    }

    /** A fresh count of an export file's control totals, to be fed its rows as they are read. */
    public FileTotals totals(String export) {
        return new FileTotals(files(export).totals(), parser);
    }

    /** How dates are written in files for LeaseWorks: the first of {@code date-formats}. */
    public String dateFormat() {
        return dateFormat;
    }

    private static ExportLayout layout(String source, String section, String export, JsonNode node) {
        List<RecordLayout> records = new ArrayList<>();
        node.fields().forEachRemaining(record -> {
            Class<? extends Record> type = RECORD_TYPES.get(record.getKey());
            if (type == null) {
                throw new MappingConfigException(source + ": " + section + "." + export + " names unknown record '"
                        + record.getKey() + "' (known: " + RECORD_TYPES.keySet() + ")");
            }
            List<String> known = RecordBinder.componentNames(type);
            List<FieldSpec> fields = new ArrayList<>();
            Set<String> absent = new java.util.HashSet<>();
            RecordLayout unmapped = new RecordLayout(record.getKey(), type, List.of());
            record.getValue().fields().forEachRemaining(field -> {
                String where = source + ": " + section + "." + export + "." + record.getKey() + "." + field.getKey();
                if (!known.contains(field.getKey())) {
                    throw new MappingConfigException(where + " is not a field of " + type.getSimpleName() + " (fields: " + known + ")");
                }
                if (field.getValue().path("absent").asBoolean(false)) {
                    absentField(where, field.getKey(), field.getValue(), unmapped);
                    absent.add(field.getKey());
                } else {
                    fields.add(fieldSpec(where, field.getKey(), field.getValue()));
                }
            });
            if ("exports".equals(section)) {
                for (String failClosed : unmapped.failClosedFields()) {
                    if (!absent.contains(failClosed) && fields.stream().noneMatch(f -> f.field().equals(failClosed))) {
                        throw new MappingConfigException(source + ": " + section + "." + export + "." + record.getKey() + "." + failClosed
                                + " is missing: a contact preference must name its column, or say 'absent: true' when the export has"
                                + " none (it is then taken as not allowed)");
                    }
                }
            }
            records.add(new RecordLayout(record.getKey(), type, List.copyOf(fields), keyColumns(record.getKey(), fields), absent));
        });
        return new ExportLayout(export, List.copyOf(records));
    }

    /** The columns of the record's key fields, or none when the layout leaves one of them out. */
    private static List<String> keyColumns(String recordName, List<FieldSpec> fields) {
        List<String> columns = new ArrayList<>();
        for (String keyField : RECORD_KEYS.getOrDefault(recordName, List.of())) {
            Optional<FieldSpec> spec = fields.stream().filter(f -> f.field().equals(keyField)).findFirst();
            if (spec.isEmpty()) {
                return List.of();
            }
            columns.add(spec.get().column());
        }
        return List.copyOf(columns);
    }

    /** A fail-closed field the export has no column for: only {@code absent: true}, nothing else, is allowed. */
    private static void absentField(String where, String field, JsonNode node, RecordLayout record) {
        if (!record.failClosedFields().contains(field)) {
            throw new MappingConfigException(where + ": only a contact preference may be marked absent (it is then taken as"
                    + " not allowed); map a column or leave the field out");
        }
        if (node.size() != 1 || !node.get("absent").isBoolean()) {
            throw new MappingConfigException(where + ": 'absent: true' stands alone: a field is either absent or read from a column");
        }
    }

    private static ExportFileRules fileRules(String source, String export, JsonNode node, Charset charset,
                                             ControlTotalRules totals) {
        String where = source + ": files." + export;
        node.fieldNames().forEachRemaining(setting -> {
            if (!FILE_SETTINGS.contains(setting)) {
                throw new MappingConfigException(where + ": unknown setting '" + setting + "' (known: " + FILE_SETTINGS + ")");
            }
        });
        Pattern include = compile(where + ".include", node.path("include").asText(export + ".*\\.csv"));
        Pattern dateInName = compile(where + ".date-in-name", node.path("date-in-name").asText(DEFAULT_DATE_IN_NAME));
        DateTimeFormatter dateFormat;
        try {
            dateFormat = new DateTimeFormatterBuilder().appendPattern(node.path("date-format").asText("yyyyMMdd"))
                    .parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new MappingConfigException(where + ".date-format: not a date format: " + e.getMessage());
        }
        JsonNode asOfColumn = node.path("as-of-column");
        if (!asOfColumn.isMissingNode() && (!asOfColumn.isTextual() || asOfColumn.asText().isBlank())) {
            throw new MappingConfigException(where + ".as-of-column: the name of the column that dates the file, e.g. \"Export Date\"");
        }
        return new ExportFileRules(include, node.path("snapshot").asBoolean(false), dateInName, dateFormat, charset, totals,
                asOfColumn.isMissingNode() ? null : asOfColumn.asText().strip());
    }

    /** The totals counted at the source, each naming a mapped field of the export ({@code record.field}). */
    private static ControlTotalRules totalRules(String source, String export, JsonNode node, ExportLayout layout) {
        String where = source + ": files." + export;
        List<ControlTotalRules.Measure> sums = new ArrayList<>();
        for (String name : strings(node.path("totals"), List.of())) {
            sums.add(measure(where + ".totals", name, layout, BigDecimal.class));
        }
        Optional<ControlTotalRules.Measure> byDay = node.hasNonNull("totals-by-day")
                ? Optional.of(measure(where + ".totals-by-day", node.get("totals-by-day").asText(), layout, LocalDate.class))
                : Optional.empty();
        if (!node.has("control")) {
            return new ControlTotalRules(sums, byDay, Optional.empty());
        }
        JsonNode control = node.get("control");
        control.fieldNames().forEachRemaining(setting -> {
            if (!CONTROL_SETTINGS.contains(setting)) {
                throw new MappingConfigException(where + ".control: unknown setting '" + setting + "' (known: " + CONTROL_SETTINGS + ")");
            }
        });
        String file = control.path("file").asText("").strip();
        String rows = control.path("rows").asText("").strip();
        if (file.isEmpty() || rows.isEmpty()) {
            throw new MappingConfigException(where + ".control: 'file' (its name, e.g. \"{file}.ctl\") and 'rows' (its row-count column) are required");
        }
        Map<String, String> sumColumns = new LinkedHashMap<>();
        control.path("sums").fields().forEachRemaining(sum -> {
            if (sums.stream().noneMatch(m -> m.name().equals(sum.getKey()))) {
                throw new MappingConfigException(where + ".control.sums." + sum.getKey() + " is not one of the file's totals "
                        + sums.stream().map(ControlTotalRules.Measure::name).toList());
            }
            sumColumns.put(sum.getKey(), sum.getValue().asText());
        });
        return new ControlTotalRules(sums, byDay, Optional.of(new ControlTotalRules.ControlFile(file, rows, sumColumns)));
    }

    private static ControlTotalRules.Measure measure(String where, String name, ExportLayout layout, Class<?> type) {
        String[] parts = name.split("\\.", 2);
        Optional<FieldSpec> field = parts.length < 2 ? Optional.empty() : layout.record(parts[0])
                .flatMap(r -> r.fields().stream().filter(f -> f.field().equals(parts[1])).findFirst());
        if (field.isEmpty()) {
            throw new MappingConfigException(where + ": '" + name + "' is not a mapped field of the export (record.field, e.g. lease.pastDueAmount)");
        }
        Class<? extends Record> recordType = layout.record(parts[0]).orElseThrow().type();
        Class<?> fieldType = Arrays.stream(recordType.getRecordComponents())
                .filter(c -> c.getName().equals(parts[1])).findFirst().orElseThrow().getType();
        if (fieldType != type) {
            throw new MappingConfigException(where + ": '" + name + "' is a " + fieldType.getSimpleName() + ", not a "
                    + (type == BigDecimal.class ? "money field" : "date"));
        }
        return new ControlTotalRules.Measure(name, field.get().column());
    }

    private static Pattern compile(String where, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new MappingConfigException(where + " is not a regular expression: " + e.getDescription());
        }
    }

    private static Charset charset(String name, String source) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new MappingConfigException(source + ": 'encoding' is not a character set this Java knows: " + name);
        }
    }

    private static FieldSpec fieldSpec(String where, String field, JsonNode node) {
        node.fieldNames().forEachRemaining(setting -> {
            if (!FIELD_SETTINGS.contains(setting)) {
                throw new MappingConfigException(where + ": unknown setting '" + setting + "' (known: " + FIELD_SETTINGS + ")");
            }
        });
        if (node.has("required") && !node.get("required").isBoolean()) {
            throw new MappingConfigException(where + ": 'required' must be true or false");
        }
        for (String bound : List.of("min", "max")) {
            if (node.hasNonNull(bound) && !node.get(bound).isNumber()) {
                throw new MappingConfigException(where + ": '" + bound + "' must be a number");
            }
        }
        if (node.hasNonNull("decimals") && !(node.get("decimals").isInt() && node.get("decimals").intValue() >= 0)) {
            throw new MappingConfigException(where + ": 'decimals' must be a whole number of 0 or more");
        }
        String column = node.path("column").asText("").strip();
        if (column.isEmpty()) {
            throw new MappingConfigException(where + ": 'column' is missing");
        }
        Pattern pattern = null;
        if (node.hasNonNull("pattern")) {
            try {
                pattern = Pattern.compile(node.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                throw new MappingConfigException(where + ": 'pattern' is not a regular expression: " + e.getDescription());
            }
        }
        BigDecimal min = node.hasNonNull("min") ? node.get("min").decimalValue() : null;
        BigDecimal max = node.hasNonNull("max") ? node.get("max").decimalValue() : null;
        Integer decimals = node.hasNonNull("decimals") ? node.get("decimals").intValue() : null;
        return new FieldSpec(field, column, node.path("required").asBoolean(false), pattern, min, max, decimals);
    }

    private static ZoneId zone(String id, String source) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new MappingConfigException(source + ": 'zone' is not a time zone: " + id);
        }
    }

    private static List<String> strings(JsonNode node, List<String> fallback) {
        if (!node.isArray() || node.isEmpty()) {
            return fallback;
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asText()));
        return values;
    }
}
