package io.leasebridge.mapping;

import io.leasebridge.model.FailClosed;
import io.leasebridge.model.Personal;
import io.leasebridge.model.PreferenceSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one canonical record from a source row through its {@link RecordLayout}. The record's own
 * component types decide how each value is parsed and their {@link FieldLimits} what it may hold, so a layout
 * only names columns.
 */
final class RecordBinder {

    private final RecordLayout layout;
    private final ValueParser parser;
    private final RecordComponent[] components;
    private final Constructor<? extends Record> constructor;
    // by component, worked out once: a binder reads every row of an export
    private final FieldSpec[] specs;
    private final FieldLimits[] limits;
    private final boolean[] personal;
    /** Per component, the value a fail-closed field takes when it is not readable, else null; kept, as reading an annotation is a proxy call */
    private final Boolean[] failClosed;
    private final boolean[] preferenceSource;

    RecordBinder(RecordLayout layout, ValueParser parser) {
        this.layout = layout;
        this.parser = parser;
        this.components = layout.type().getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            this.constructor = layout.type().getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("record without canonical constructor: " + layout.type(), e);
        }
        this.limits = Arrays.stream(components).map(FieldLimits::of).toArray(FieldLimits[]::new);
        Map<String, FieldSpec> specsByField = new HashMap<>();
        layout.fields().forEach(spec -> specsByField.put(spec.field(), spec));
        this.specs = new FieldSpec[components.length];
        this.personal = new boolean[components.length];
        this.failClosed = new Boolean[components.length];
        this.preferenceSource = new boolean[components.length];
        for (int i = 0; i < components.length; i++) {
            specs[i] = specsByField.get(components[i].getName());
            personal[i] = components[i].isAnnotationPresent(Personal.class);
            FailClosed closed = components[i].getAnnotation(FailClosed.class);
            failClosed[i] = closed == null ? null : closed.value();
            preferenceSource[i] = components[i].isAnnotationPresent(PreferenceSource.class);
        }
    }

    /**
     * The record, or null with the reasons added to {@code violations} when any value is unusable. A fail-closed
     * value that is blank, unreadable or not exported is no violation: it takes the value that allows nothing.
     */
    Record bind(SourceRow row, List<Violation> violations) {
        Object[] args = new Object[components.length];
        int before = violations.size();
        List<String> notAllowed = new ArrayList<>();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            FieldSpec spec = specs[i];
            if (failClosed[i] != null) {
                args[i] = failClosed(row, spec, component.getName(), failClosed[i], notAllowed);
            } else {
                args[i] = spec == null ? defaultFor(component.getType())
                        : value(row, spec, component.getType(), limits[i], personal[i], violations);
            }
        }
        for (int i = 0; i < components.length; i++) {
            if (preferenceSource[i]) {
                args[i] = notAllowed.isEmpty() ? PreferenceSource.READ : PreferenceSource.NOT_ALLOWED + String.join(", ", notAllowed);
            }
        }
        if (violations.size() > before) {
            return null;
        }
        try {
            return constructor.newInstance(args);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            violations.add(new Violation(row.file(), row.line(), "", layout.name(), "cannot build " + layout.name() + ": " + e));
            return null;
        }
    }

    private Object value(SourceRow row, FieldSpec spec, Class<?> type, FieldLimits fieldLimits, boolean personal,
                         List<Violation> violations) {
        String text = row.value(spec.column());
        if (text == null) {
            if (spec.required()) {
                violations.add(violation(row, spec, "required value is blank"));
            }
            return defaultFor(type);
        }
        // before the pattern, whose reason would quote the over-long value
        Optional<String> tooLong = type == String.class ? fieldLimits.check(text) : Optional.empty();
        if (tooLong.isPresent()) {
            violations.add(violation(row, spec, tooLong.get()));
            return defaultFor(type);
        }
        if (spec.pattern() != null && !spec.pattern().matcher(text).matches()) {
            violations.add(violation(row, spec, "does not match " + spec.pattern().pattern()
                    + (personal ? " (" + text.length() + " characters)" : ": " + ValueInReason.quoted(text))));
            return defaultFor(type);
        }
        try {
            Object value = spec.decimals() != null && type == BigDecimal.class
                    ? parser.decimal(text, spec.decimals())
                    : parser.parse(text, type);
            checkBounds(spec, value);
            Optional<String> beyond = fieldLimits.check(value);
            if (beyond.isPresent()) {
                violations.add(violation(row, spec, beyond.get()));
                return defaultFor(type);
            }
            return value;
        } catch (IllegalArgumentException e) {
            violations.add(violation(row, spec, e.getMessage()));
            return defaultFor(type);
        }
    }

    private Object failClosed(SourceRow row, FieldSpec spec, String field, boolean allowsNothing, List<String> notAllowed) {
        if (spec == null) {
            notAllowed.add(field + " (not exported)");
            return allowsNothing;
        }
        String text = row.value(spec.column());
        if (text == null) {
            notAllowed.add(spec.column() + " (blank)");
            return allowsNothing;
        }
        try {
            return parser.yesNo(text);
        } catch (IllegalArgumentException e) {
            notAllowed.add(spec.column() + " (unreadable)");
            return allowsNothing;
        }
    }

    private static void checkBounds(FieldSpec spec, Object value) {
        BigDecimal number = value instanceof BigDecimal b ? b : value instanceof Integer n ? BigDecimal.valueOf(n) : null;
        if (number == null) {
            return;
        }
        if (spec.min() != null && number.compareTo(spec.min()) < 0) {
            throw new IllegalArgumentException("below the minimum of " + spec.min().toPlainString() + ": " + ValueInReason.number(number));
        }
        if (spec.max() != null && number.compareTo(spec.max()) > 0) {
            throw new IllegalArgumentException("above the maximum of " + spec.max().toPlainString() + ": " + ValueInReason.number(number));
        }
    }

    private static Violation violation(SourceRow row, FieldSpec spec, String reason) {
        return new Violation(row.file(), row.line(), spec.column(), spec.field(), reason);
    }

    private static Object defaultFor(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == boolean.class) {
            return false;
        }
        return null;
    }

    static List<String> componentNames(Class<? extends Record> type) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            names.add(c.getName());
        }
        return names;
    }
}
