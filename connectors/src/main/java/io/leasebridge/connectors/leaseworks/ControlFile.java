package io.leasebridge.connectors.leaseworks;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A LeaseWorks control file: a small CSV written beside an export, a header naming its totals (row count,
 * sums) and one row of values. Column names match the way export headers do, ignoring surrounding blanks and
 * reading a no-break space as a space.
 */
public final class ControlFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private ControlFile() {
    }

    /** Column -> value of the control file; empty when there is no such file. */
    public static Optional<Map<String, String>> read(Path path, Charset charset) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(path, charset); CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return Optional.of(Map.of());
            }
            CSVRecord header = records.next();
            CSVRecord values = records.hasNext() ? records.next() : null;
            Map<String, String> control = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = HeaderName.cleaned(header.get(i));
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                control.put(name, values != null && i < values.size() ? values.get(i).strip() : null);
            }
            control.values().removeIf(Objects::isNull);
            return Optional.of(control);
        } catch (IOException | IllegalStateException | UncheckedIOException e) {
            throw new ExportFormatException("the control file " + path.getFileName() + " cannot be read: " + e.getMessage(), e);
        }
    }
}
