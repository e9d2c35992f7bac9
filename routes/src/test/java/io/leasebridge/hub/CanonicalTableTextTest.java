package io.leasebridge.hub;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text a content hash is taken of is exactly the record's own {@code toString}, which the hashes already stored were
 * taken of: otherwise every record would look changed, and go to Salesforce again, after an upgrade.
 */
class CanonicalTableTextTest {

    static Stream<Arguments> tables() {
        return Stream.of(CanonicalTables.CUSTOMER, CanonicalTables.LEASE, CanonicalTables.PAYMENT, CanonicalTables.COLLECTOR_NOTE,
                CanonicalTables.VEHICLE).flatMap(table -> Stream.of(Arguments.of(table, true), Arguments.of(table, false)));
    }

    @ParameterizedTest(name = "{0} filled: {1}")
    @MethodSource("tables")
    <T extends Record> void theTextIsTheRecordsOwnToString(CanonicalTable<T> table, boolean filled) throws Exception {
        T record = instance(table.type(), filled);

        assertThat(table.text(record)).isEqualTo(record.toString());
        assertThat(table.contentHash(record)).isEqualTo(Hashes.sha256(record.toString()));
    }

    /** A record with a value of its type in every component, or with every component that may be null left null. */
    private static <T extends Record> T instance(Class<T> type, boolean filled) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), components[i].getName(), filled);
        }
        return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                .newInstance(values);
    }

    private static Object value(Class<?> type, String name, boolean filled) {
        if (type == boolean.class) {
            return true;
        }
        if (type == int.class) {
            return 7;
        }
        if (!filled) {
            return null;
        }
        if (type == String.class) {
            return "O'Brien, " + name + " \u00e9";
        }
        if (type == BigDecimal.class) {
            return new BigDecimal("1234.50");
        }
        if (type == LocalDate.class) {
            return LocalDate.parse("2026-10-15");
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-27T15:04:05.120Z");
        }
        if (type == Integer.class) {
            return 42;
        }
        if (type == Boolean.class) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("no sample value for a " + type.getSimpleName() + " (" + name + "): add one");
    }
}
