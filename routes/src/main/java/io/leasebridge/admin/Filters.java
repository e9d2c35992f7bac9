package io.leasebridge.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The optional {@code where} of a list query: only the filters given, always as bind parameters. */
final class Filters {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> args = new ArrayList<>();

    Filters equal(String column, String value) {
        if (value != null && !value.isBlank()) {
            conditions.add(column + " = ?");
            args.add(value.strip());
        }
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    Object[] args(Object... more) {
        List<Object> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray();
    }

    /** A status filter in upper case, or null when none was given; a status that does not exist is a bad request. */
    static String status(String status, Set<String> known) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String upper = status.strip().toUpperCase(Locale.ROOT);
        if (!known.contains(upper)) {
            throw ApiProblem.badRequest("bad parameter", "status: '" + status + "' is not one of " + String.join(", ", new java.util.TreeSet<>(known)));
        }
        return upper;
    }
}
