package io.leasebridge.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The part of SOQL the simulator understands, enough to read back what was written:
 * <pre>
 * SELECT COUNT() | field[, field...] FROM Object
 *   [WHERE field op literal [AND ...]]   op: = != &lt;&gt; &lt; &lt;= &gt; &gt;= IN (..) NOT IN (..)
 *   [ORDER BY field [ASC|DESC][, ...]] [LIMIT n] [OFFSET n]
 * SELECT [field, ]COUNT(field)[, SUM(field)...] FROM Object [WHERE ...] [GROUP BY field]
 * </pre>
 * An aggregate query answers {@code AggregateResult} records: the grouped field by name, each aggregate as
 * {@code expr0}, {@code expr1}... in select order.
 * A field is a name or one parent hop ({@code Customer__r.Name}). Keywords are case-insensitive and so
 * are text comparisons, as in Salesforce. Anything else is refused the way Salesforce refuses it: a
 * {@link SalesforceApiException} with {@code MALFORMED_QUERY} and a message pointing at the column.
 */
record SoqlQuery(
        String text,
        String object,
        int objectColumn,
        boolean count,
        List<String> fields,
        List<Condition> conditions,
        List<Order> orderBy,
        Integer limit,
        Integer offset,
        List<Aggregate> aggregates,
        String groupBy) {

    /** An aggregate function over a field: COUNT, SUM, MIN or MAX. */
    record Aggregate(String function, String field) {
    }

    boolean aggregated() {
        return !aggregates.isEmpty() || groupBy != null;
    }

    enum Operator { EQ, NE, LT, LE, GT, GE, IN, NOT_IN }

    record Condition(String field, Operator operator, List<Object> values) {
    }

    record Order(String field, boolean descending) {
    }

    static SoqlQuery parse(String text) {
        return new Parser(text).query();
    }

    /** Whether a record, read through {@code valueOf}, satisfies every WHERE condition. */
    boolean matches(Function<String, Object> valueOf) {
        for (Condition c : conditions) {
            if (!holds(c, valueOf.apply(c.field()))) {
                return false;
            }
        }
        return true;
    }

    /** Orders records read through {@code valueOf}; nulls first ascending and last descending, as SOQL does. */
    <T> Comparator<T> ordering(Function<T, Function<String, Object>> valueOf) {
        Comparator<T> comparator = (a, b) -> 0;
        for (Order order : orderBy) {
            Comparator<T> one = (a, b) -> compareForOrder(valueOf.apply(a).apply(order.field()),
                    valueOf.apply(b).apply(order.field()));
            comparator = comparator.thenComparing(order.descending() ? one.reversed() : one);
        }
        return comparator;
    }

    private static boolean holds(Condition c, Object actual) {
        return switch (c.operator()) {
            case EQ -> same(actual, c.values().get(0));
            case NE -> !same(actual, c.values().get(0));
            case IN -> c.values().stream().anyMatch(v -> same(actual, v));
            case NOT_IN -> c.values().stream().noneMatch(v -> same(actual, v));
            case LT -> actual != null && compare(actual, c.values().get(0)) < 0;
            case LE -> actual != null && compare(actual, c.values().get(0)) <= 0;
            case GT -> actual != null && compare(actual, c.values().get(0)) > 0;
            case GE -> actual != null && compare(actual, c.values().get(0)) >= 0;
        };
    }

    private static boolean same(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return actual == null && expected == null;
        }
        return compare(actual, expected) == 0;
    }

    private static int compareForOrder(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(a, b);
    }

    private static int compare(Object a, Object b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        Instant t = instant(a);
        Instant u = instant(b);
        if (t != null && u != null) {
            return t.compareTo(u);
        }
        return String.valueOf(a).compareToIgnoreCase(String.valueOf(b));
    }

    /** A dateTime as Salesforce writes it ({@code 2026-11-27T10:00:00.000+0000}) or as SOQL takes it ({@code ...Z}). */
    private static Instant instant(Object value) {
        if (!(value instanceof String s) || !DATETIME.matcher(s).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, s.matches(".*[+-]\\d{2}:\\d{2}") ? OFFSET_WITH_COLON : SALESFORCE_DATETIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    static final DateTimeFormatter SALESFORCE_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.MILLI_OF_SECOND, 1, 3, true).optionalEnd()
            .appendOffset("+HHmm", "Z")
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter OFFSET_WITH_COLON = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    /** A recursive-descent parser over a flat token list; positions are 1-based columns for error messages. */
    private static final class Parser {

        private record Token(String text, int column, boolean quoted) {
            boolean is(String keyword) {
                return !quoted && text.equalsIgnoreCase(keyword);
            }
        }

        private final String soql;
        private final List<Token> tokens;
        private int next;

        Parser(String soql) {
            this.soql = soql;
            this.tokens = tokenize(soql);
        }

        SoqlQuery query() {
            expect("SELECT");
            boolean count = false;
            List<String> fields = new ArrayList<>();
            List<Aggregate> aggregates = new ArrayList<>();
            if (peekIs("COUNT") && lookAheadIs(1, "(") && lookAheadIs(2, ")")) {
                next++;
                expect("(");
                expect(")");
                count = true;
            } else {
                selectItem(fields, aggregates);
                while (peekIs(",")) {
                    next++;
                    selectItem(fields, aggregates);
                }
            }
            expect("FROM");
            Token from = take("an object name");
            if (from.quoted() || !isIdentifier(from.text()) || from.text().contains(".")) {
                throw malformed(from, "unexpected token: '" + from.text() + "'");
            }
            List<Condition> conditions = new ArrayList<>();
            if (peekIs("WHERE")) {
                next++;
                conditions.add(condition());
                while (peekIs("AND")) {
                    next++;
                    conditions.add(condition());
                }
                if (peekIs("OR")) {
                    throw malformed(tokens.get(next), "the simulator only understands conditions joined by AND");
                }
            }
            String groupBy = null;
            if (peekIs("GROUP")) {
                next++;
                expect("BY");
                groupBy = fieldName();
            }
            for (String field : fields) {
                if ((!aggregates.isEmpty() || groupBy != null) && !field.equalsIgnoreCase(groupByOr(groupBy))) {
                    throw malformed(tokens.get(1), "Field must be grouped or aggregated: " + field);
                }
            }
            List<Order> orderBy = new ArrayList<>();
            if (peekIs("ORDER")) {
                next++;
                expect("BY");
                orderBy.add(order());
                while (peekIs(",")) {
                    next++;
                    orderBy.add(order());
                }
            }
            Integer limit = null;
            if (peekIs("LIMIT")) {
                next++;
                limit = wholeNumber();
            }
            Integer offset = null;
            if (peekIs("OFFSET")) {
                next++;
                offset = wholeNumber();
            }
            if (next < tokens.size()) {
                Token extra = tokens.get(next);
                throw malformed(extra, "unexpected token: '" + extra.text() + "'");
            }
            return new SoqlQuery(soql, from.text(), from.column(), count, List.copyOf(fields), List.copyOf(conditions),
                    List.copyOf(orderBy), limit, offset, List.copyOf(aggregates), groupBy);
        }

        private static String groupByOr(String groupBy) {
            return groupBy == null ? "" : groupBy;
        }

        /** A field, or an aggregate function over one ({@code SUM(Amount__c)}). */
        private void selectItem(List<String> fields, List<Aggregate> aggregates) {
            if (lookAheadIs(1, "(") && List.of("COUNT", "SUM", "MIN", "MAX").stream().anyMatch(this::peekIs)) {
                String function = tokens.get(next).text().toUpperCase(Locale.ROOT);
                next++;
                expect("(");
                aggregates.add(new Aggregate(function, fieldName()));
                expect(")");
            } else {
                fields.add(fieldName());
            }
        }

        private Condition condition() {
            String field = fieldName();
            Token op = take("an operator");
            switch (op.text().toUpperCase(Locale.ROOT)) {
                case "=":
                    return new Condition(field, Operator.EQ, Collections.singletonList(literalOrNull()));
                case "!=", "<>":
                    return new Condition(field, Operator.NE, Collections.singletonList(literalOrNull()));
                case "<":
                    return new Condition(field, Operator.LT, List.of(literal()));
                case "<=":
                    return new Condition(field, Operator.LE, List.of(literal()));
                case ">":
                    return new Condition(field, Operator.GT, List.of(literal()));
                case ">=":
                    return new Condition(field, Operator.GE, List.of(literal()));
                case "IN":
                    return new Condition(field, Operator.IN, list());
                case "NOT":
                    expect("IN");
                    return new Condition(field, Operator.NOT_IN, list());
                default:
                    throw malformed(op, "unexpected token: '" + op.text() + "'");
            }
        }

        private List<Object> list() {
            expect("(");
            List<Object> values = new ArrayList<>();
            values.add(literalOrNull());
            while (peekIs(",")) {
                next++;
                values.add(literalOrNull());
            }
            expect(")");
            return Collections.unmodifiableList(values);
        }

        private Object literalOrNull() {
            if (peekIs("null")) {
                next++;
                return null;
            }
            return literal();
        }

        private Object literal() {
            Token t = take("a value");
            if (t.quoted()) {
                return t.text();
            }
            if (t.is("true") || t.is("false")) {
                return Boolean.valueOf(t.text().toLowerCase(Locale.ROOT));
            }
            if (t.text().matches("-?\\d+(\\.\\d+)?")) {
                return new BigDecimal(t.text());
            }
            if (t.text().matches("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?")) {
                return t.text();
            }
            throw malformed(t, "unexpected token: '" + t.text() + "'");
        }

        private Order order() {
            String field = fieldName();
            boolean descending = false;
            if (peekIs("ASC")) {
                next++;
            } else if (peekIs("DESC")) {
                next++;
                descending = true;
            }
            if (peekIs("NULLS")) {
                next++;
                Token which = take("FIRST or LAST");
                if (!which.is("FIRST") && !which.is("LAST")) {
                    throw malformed(which, "unexpected token: '" + which.text() + "'");
                }
            }
            return new Order(field, descending);
        }

        private int wholeNumber() {
            Token t = take("a number");
            if (t.quoted() || !t.text().matches("\\d+")) {
                throw malformed(t, "unexpected token: '" + t.text() + "'");
            }
            return Integer.parseInt(t.text());
        }

        private String fieldName() {
            Token t = take("a field name");
            if (t.quoted() || !isIdentifier(t.text()) || isReserved(t.text()) || t.text().chars().filter(c -> c == '.').count() > 1) {
                throw malformed(t, "unexpected token: '" + t.text() + "'");
            }
            return t.text();
        }

        private void expect(String keyword) {
            Token t = take(keyword);
            if (!t.is(keyword)) {
                throw malformed(t, "unexpected token: '" + t.text() + "'");
            }
        }

        private Token take(String what) {
            if (next >= tokens.size()) {
                throw new SalesforceApiException(400, "MALFORMED_QUERY", pointer(soql.length() + 1,
                        "unexpected token: <EOF> (expected " + what + ")"));
            }
            return tokens.get(next++);
        }

        private boolean peekIs(String keyword) {
            return next < tokens.size() && tokens.get(next).is(keyword);
        }

        private boolean lookAheadIs(int ahead, String keyword) {
            return next + ahead < tokens.size() && tokens.get(next + ahead).is(keyword);
        }

        private SalesforceApiException malformed(Token at, String reason) {
            return new SalesforceApiException(400, "MALFORMED_QUERY", pointer(at.column(), reason));
        }

        private String pointer(int column, String reason) {
            return pointer(soql, column, reason);
        }

        static String pointer(String soql, int column, String reason) {
            return "\n" + soql + "\n" + " ".repeat(Math.max(0, column - 1)) + "^\nERROR at Row:1:Column:" + column + "\n" + reason;
        }

        private static boolean isIdentifier(String text) {
            return text.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
        }

        private static boolean isReserved(String text) {
            return switch (text.toUpperCase(Locale.ROOT)) {
                case "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "GROUP", "ORDER", "BY", "LIMIT", "OFFSET", "IN", "NULL" -> true;
                default -> false;
            };
        }

        private List<Token> tokenize(String s) {
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '\'') {
                    int start = i;
                    StringBuilder value = new StringBuilder();
                    i++;
                    boolean closed = false;
                    while (i < s.length()) {
                        char d = s.charAt(i);
                        if (d == '\\' && i + 1 < s.length()) {
                            value.append(s.charAt(i + 1));
                            i += 2;
                        } else if (d == '\'') {
                            i++;
                            closed = true;
                            break;
                        } else {
                            value.append(d);
                            i++;
                        }
                    }
                    if (!closed) {
                        throw new SalesforceApiException(400, "MALFORMED_QUERY",
                                pointer(s, start + 1, "unterminated string literal"));
                    }
                    out.add(new Token(value.toString(), start + 1, true));
                } else if ("(),".indexOf(c) >= 0) {
                    out.add(new Token(String.valueOf(c), i + 1, false));
                    i++;
                } else if ("=!<>".indexOf(c) >= 0) {
                    int start = i;
                    i++;
                    if (i < s.length() && (s.charAt(i) == '=' || (c == '<' && s.charAt(i) == '>'))) {
                        i++;
                    }
                    String op = s.substring(start, i);
                    if (op.equals("!")) {
                        throw new SalesforceApiException(400, "MALFORMED_QUERY", pointer(s, start + 1, "unexpected token: '!'"));
                    }
                    out.add(new Token(op, start + 1, false));
                } else {
                    int start = i;
                    while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "(),=!<>'".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    out.add(new Token(s.substring(start, i), start + 1, false));
                }
            }
            return out;
        }
    }
}
