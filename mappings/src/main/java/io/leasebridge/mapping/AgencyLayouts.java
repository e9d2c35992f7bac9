package io.leasebridge.mapping;

import io.leasebridge.agency.AgencyReturnRow;
import io.leasebridge.agency.PlacementField;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code config/mappings/agencies.yml}: the collection agencies a manager may place a lease with, each with the
 * endpoint its files go to and the layout of its placement and recall files. A layout naming a field LeaseBridge does
 * not have stops start-up, naming the agency, the file and the column.
 *
 * @param dateFormat how dates are written in every agency file
 * @param agencies   agency name (the value of {@code Agency_Placement__c.Agency__c}) -> its files
 */
public record AgencyLayouts(String dateFormat, Map<String, Agency> agencies) {

    /** Words a column header must not hold: the hub has no such data, and a layout asking for it is a mistake. */
    private static final Set<String> NEVER_SENT = Set.of("ssn", "social security", "licence", "license");

    /**
     * @param endpoint     the Camel endpoint the agency's files go to: {@code sftp://...} (a file per send) or
     *                     {@code smtp://...?to=...} (a mail per file); credentials as {@code {{env:...}}} placeholders
     * @param placementFile the file of new placements
     * @param recallFile   the file of placements called back
     * @param returnFile   the files the agency drops for the lessor (payments, statuses, contacts); null when it sends none
     */
    public record Agency(String endpoint, FileLayout placementFile, FileLayout recallFile, ReturnLayout returnFile) {
    }

    /**
     * An agency's return file, read like a LeaseWorks export: each row mapped through its columns, a bad row
     * quarantined naming the row and the column.
     *
     * @param endpoint        the Camel endpoint the agency's return files are taken from
     * @param include         a regular expression the whole name of a return file matches
     * @param closingStatuses the agency statuses that close a placement the agency holds
     * @param columns         header -> field, a field one of {@link AgencyReturnRow#FIELDS}
     */
    public record ReturnLayout(String endpoint, String include, List<String> closingStatuses, List<Column> columns) {

        public ReturnLayout {
            closingStatuses = closingStatuses == null ? List.of() : List.copyOf(closingStatuses);
        }

        public boolean closes(String status) {
            return status != null && closingStatuses.stream().anyMatch(status::equalsIgnoreCase);
        }

        /** The layout the export reader and mapper take, keyed by the placement id's column. */
        public ExportLayout exportLayout(String agency) {
            List<FieldSpec> fields = columns.stream().map(c -> {
                String field = AgencyReturnRow.FIELDS.get(c.field());
                return new FieldSpec(field, c.header(), AgencyReturnRow.REQUIRED.contains(field), null,
                        field.equals("amountCollected") ? BigDecimal.ZERO : null);
            }).toList();
            List<String> key = fields.stream().filter(f -> f.field().equals("placementId")).map(FieldSpec::column).toList();
            return new ExportLayout(agency + " returns", List.of(new RecordLayout(RECORD, AgencyReturnRow.class, fields, key)));
        }
    }

    /** The record name a return file's rows map to. */
    public static final String RECORD = "agencyReturn";

    /**
     * @param name    the file name; {@code {date}} is the day it is written (yyyyMMdd) and {@code {seq}} its number that day
     * @param columns in file order
     */
    public record FileLayout(String name, List<Column> columns) {

        public String fileName(java.time.LocalDate day, int seq) {
            return name.replace("{date}", DateTimeFormatter.BASIC_ISO_DATE.format(day)).replace("{seq}", String.valueOf(seq));
        }
    }

    /** @param header the column's header in the file; @param field what it carries, e.g. {@code placed-balance} */
    public record Column(String header, String field) {

        public PlacementField placementField() {
            return PlacementField.ofKey(field).orElseThrow();
        }
    }

    public AgencyLayouts {
        agencies = agencies == null ? Map.of() : new LinkedHashMap<>(agencies);
    }

    public Optional<Agency> agency(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(agencies.get(name));
    }

    /** Reads values of agency files: dates in {@code date-format}. */
    public ValueParser values() {
        return new ValueParser(List.of(dateFormat), List.of(), ZoneOffset.UTC);
    }

    public DateTimeFormatter dates() {
        return DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
    }

    /** @param source where {@code in} comes from, for messages */
    public static AgencyLayouts read(InputStream in, String source) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        AgencyLayouts layouts;
        try {
            layouts = yaml.readValue(in, AgencyLayouts.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new MappingConfigException(source + ": " + e.getMessage());
        }
        if (layouts == null || layouts.dateFormat() == null || layouts.dateFormat().isBlank()) {
            throw new MappingConfigException(source + ": needs date-format");
        }
        try {
            layouts.dates();
        } catch (IllegalArgumentException e) {
            throw new MappingConfigException(source + ": date-format '" + layouts.dateFormat() + "': " + e.getMessage());
        }
        layouts.agencies().forEach((name, agency) -> check(source + ": agencies." + name, agency));
        return layouts;
    }

    private static void check(String where, Agency agency) {
        if (agency.endpoint() == null || agency.endpoint().isBlank()) {
            throw new MappingConfigException(where + ".endpoint: needs the Camel endpoint its files go to (sftp://... or smtp://...)");
        }
        check(where + ".placement-file", agency.placementFile());
        check(where + ".recall-file", agency.recallFile());
        if (agency.returnFile() != null) {
            check(where + ".return-file", agency.returnFile());
        }
    }

    private static void check(String where, ReturnLayout file) {
        if (file.endpoint() == null || file.endpoint().isBlank() || file.include() == null || file.columns() == null) {
            throw new MappingConfigException(where + ": needs the endpoint its files are taken from, an include pattern and columns");
        }
        try {
            Pattern.compile(file.include());
        } catch (PatternSyntaxException e) {
            throw new MappingConfigException(where + ".include is not a regular expression: " + e.getDescription());
        }
        for (int i = 0; i < file.columns().size(); i++) {
            Column column = file.columns().get(i);
            if (column.header() == null || column.header().isBlank() || !AgencyReturnRow.FIELDS.containsKey(column.field())) {
                throw new MappingConfigException(where + ".columns[" + i + "] '" + column.header() + "': field '" + column.field()
                        + "' is none of " + String.join(", ", new java.util.TreeSet<>(AgencyReturnRow.FIELDS.keySet())));
            }
        }
        List<String> fields = file.columns().stream().map(c -> AgencyReturnRow.FIELDS.get(c.field())).toList();
        List<String> missing = AgencyReturnRow.REQUIRED.stream().filter(f -> !fields.contains(f)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new MappingConfigException(where + ": needs a column for each of " + missing);
        }
    }

    private static void check(String where, FileLayout file) {
        if (file == null || file.name() == null || file.name().isBlank() || file.columns() == null || file.columns().isEmpty()) {
            throw new MappingConfigException(where + ": needs a name and columns");
        }
        for (int i = 0; i < file.columns().size(); i++) {
            Column column = file.columns().get(i);
            String at = where + ".columns[" + i + "]";
            if (column.header() == null || column.header().isBlank()) {
                throw new MappingConfigException(at + ": needs a header");
            }
            String header = column.header().toLowerCase(Locale.ROOT);
            if (NEVER_SENT.stream().anyMatch(header::contains)) {
                throw new MappingConfigException(at + " '" + column.header() + "': LeaseBridge never stores nor sends an SSN or"
                        + " a driver's licence number; the agency asks the lessor for it");
            }
            if (column.field() == null || PlacementField.ofKey(column.field()).isEmpty()) {
                throw new MappingConfigException(at + " '" + column.header() + "': field '" + column.field()
                        + "' is none of " + PlacementField.known());
            }
        }
    }
}
