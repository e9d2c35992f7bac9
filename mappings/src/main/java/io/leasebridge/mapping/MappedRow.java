package io.leasebridge.mapping;

import java.util.List;
import java.util.Map;

/** What one source row became: its canonical records by layout name, or the reasons it could not. */
public record MappedRow(SourceRow source, Map<String, Record> records, List<Violation> violations) {

    public boolean isValid() {
        return violations.isEmpty();
    }

    public <T extends Record> T get(String name, Class<T> type) {
        return type.cast(records.get(name));
    }
}
