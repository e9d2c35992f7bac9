package io.leasebridge.vehicles;

import io.leasebridge.mapping.ExportLayout;
import io.leasebridge.mapping.FieldSpec;
import io.leasebridge.mapping.LeaseWorksMapping;
import io.leasebridge.model.Vehicle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The LeaseWorks vehicle import: one CSV row per vehicle, columns and their order from
 * {@code imports.vehicles} in the field map, values in the deployment's formats.
 */
@Component
public class VehicleImportFile {

    static final String IMPORT = "vehicles";

    private final List<FieldSpec> columns;
    private final Map<String, RecordComponent> components;
    private final DateTimeFormatter dates;

    public VehicleImportFile(LeaseWorksMapping mapping) {
        ExportLayout layout = mapping.importLayout(IMPORT);
        this.columns = layout.records().stream().flatMap(r -> r.fields().stream()).toList();
        this.components = Arrays.stream(Vehicle.class.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        this.dates = DateTimeFormatter.ofPattern(mapping.dateFormat());
    }

    public List<String> header() {
        return columns.stream().map(FieldSpec::column).toList();
    }

    public String render(List<Vehicle> vehicles) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header().toArray(String[]::new))
                .setRecordSeparator("\r\n").get().print(out)) {
            for (Vehicle vehicle : vehicles) {
                List<String> row = new ArrayList<>(columns.size());
                for (FieldSpec column : columns) {
                    row.add(format(read(vehicle, column.field())));
                }
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private Object read(Vehicle vehicle, String field) {
        try {
            return components.get(field).getAccessor().invoke(vehicle);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read Vehicle." + field, e);
        }
    }

    private String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof LocalDate date) {
            return dates.format(date);
        }
        if (value instanceof Boolean yes) {
            return yes ? "Y" : "N";
        }
        return value.toString();
    }
}
