package io.leasebridge.salesforce.metadata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A Salesforce formula, as validation rules write them, parsed once and evaluated against a record being saved.
 * It knows the operators and the functions the rules of an org like LeaseBridge's use (logic, text, CASE/IF, and
 * the save-time functions ISNEW, ISCHANGED and PRIORVALUE); a formula using anything else is refused when it is
 * parsed, naming the function, so that a simulated org never passes a rule it cannot evaluate.
 *
 * <pre>{@code
 * SalesforceFormula rule = SalesforceFormula.parse("AND(NOT(ISNEW()), ISCHANGED(Status__c))");
 * rule.isTrue(save);
 * }</pre>
 */
public final class SalesforceFormula {

    /** The record a formula is evaluated against: its values after the save, and before it. */
    public interface Save {
        /** A field of the record after the save, or a path through a lookup ({@code RecordType.DeveloperName}). */
        Object value(String path);

        /** The field's value before the save; on a new record, its value now, as Salesforce gives it. */
        Object priorValue(String field);

        boolean isNew();
    }

    static final Set<String> FUNCTIONS = Set.of("AND", "OR", "NOT", "IF", "CASE", "ISNEW", "ISCHANGED", "PRIORVALUE",
            "TEXT", "ISPICKVAL", "ISBLANK", "ISNULL", "BLANKVALUE", "LEN", "CONTAINS", "BEGINS");

    private final String source;
    private final Node root;

    private SalesforceFormula(String source, Node root) {
        this.source = source;
        this.root = root;
    }

    /** Parses a formula; an unknown function or a syntax error is an {@link IllegalArgumentException} naming it. */
    public static SalesforceFormula parse(String formula) {
        Parser parser = new Parser(formula);
        Node root = parser.expression();
        parser.expectEnd();
        return new SalesforceFormula(formula, root);
    }

    public boolean isTrue(Save save) {
        return Boolean.TRUE.equals(root.evaluate(save));
    }

    public Object evaluate(Save save) {
        return root.evaluate(save);
    }

    @Override
    public String toString() {
        return source;
    }

    private interface Node {
        Object evaluate(Save save);
    }

    private record Literal(Object value) implements Node {
        public Object evaluate(Save save) {
            return value;
        }
    }

    private record Field(String path) implements Node {
        public Object evaluate(Save save) {
            return normalize(save.value(path));
        }
    }

    private record Binary(String operator, Node left, Node right) implements Node {
        public Object evaluate(Save save) {
            if (operator.equals("&&")) {
                return truth(left.evaluate(save)) && truth(right.evaluate(save));
            }
            if (operator.equals("||")) {
                return truth(left.evaluate(save)) || truth(right.evaluate(save));
            }
            Object a = left.evaluate(save);
            Object b = right.evaluate(save);
            return switch (operator) {
                case "&" -> text(a) + text(b);
                case "=", "==" -> same(a, b);
                case "<>", "!=" -> !same(a, b);
                case "<" -> compare(a, b) < 0;
                case ">" -> compare(a, b) > 0;
                case "<=" -> compare(a, b) <= 0;
                case ">=" -> compare(a, b) >= 0;
                case "+" -> a == null || b == null ? null : number(a).add(number(b));
                case "-" -> a == null || b == null ? null : number(a).subtract(number(b));
                case "*" -> a == null || b == null ? null : number(a).multiply(number(b));
                case "/" -> a == null || b == null ? null : number(a).divide(number(b), java.math.MathContext.DECIMAL64);
                default -> throw new IllegalStateException(operator);
            };
        }
    }

    private record Call(String function, List<Node> arguments) implements Node {
        public Object evaluate(Save save) {
            return switch (function) {
                case "AND" -> arguments.stream().allMatch(a -> truth(a.evaluate(save)));
                case "OR" -> arguments.stream().anyMatch(a -> truth(a.evaluate(save)));
                case "NOT" -> !truth(arg(0, save));
                case "IF" -> truth(arg(0, save)) ? arg(1, save) : arg(2, save);
                case "CASE" -> chooseCase(save);
                case "ISNEW" -> save.isNew();
                case "ISCHANGED" -> !save.isNew() && !same(normalize(save.priorValue(fieldOf(0))), arg(0, save));
                case "PRIORVALUE" -> normalize(save.priorValue(fieldOf(0)));
                case "TEXT" -> text(arg(0, save));
                case "ISPICKVAL" -> text(arg(0, save)).equals(text(arg(1, save)));
                case "ISBLANK", "ISNULL" -> text(arg(0, save)).isEmpty();
                case "BLANKVALUE" -> text(arg(0, save)).isEmpty() ? arg(1, save) : arg(0, save);
                case "LEN" -> BigDecimal.valueOf(text(arg(0, save)).length());
                case "CONTAINS" -> text(arg(0, save)).contains(text(arg(1, save)));
                case "BEGINS" -> text(arg(0, save)).startsWith(text(arg(1, save)));
                default -> throw new IllegalStateException(function);
            };
        }

        private Object arg(int i, Save save) {
            return arguments.get(i).evaluate(save);
        }

        /** PRIORVALUE and ISCHANGED take a field, not a value. */
        private String fieldOf(int i) {
            if (arguments.get(i) instanceof Field field) {
                return field.path();
            }
            throw new IllegalArgumentException(function + " takes a field");
        }

        private Object chooseCase(Save save) {
            Object value = arg(0, save);
            int last = arguments.size() - 1;
            for (int i = 1; i < last; i += 2) {
                if (same(value, arg(i, save))) {
                    return arg(i + 1, save);
                }
            }
            return arg(last, save);
        }
    }

    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = Objects.requireNonNull(text, "formula");
        }

        Node expression() {
            Node left = and();
            while (accept("||")) {
                left = new Binary("||", left, and());
            }
            return left;
        }

        private Node and() {
            Node left = comparison();
            while (accept("&&")) {
                left = new Binary("&&", left, comparison());
            }
            return left;
        }

        private Node comparison() {
            Node left = additive();
            for (String op = comparisonOperator(); op != null; op = comparisonOperator()) {
                left = new Binary(op, left, additive());
            }
            return left;
        }

        private String comparisonOperator() {
            for (String op : List.of("==", "<>", "!=", "<=", ">=", "=", "<", ">")) {
                if (accept(op)) {
                    return op;
                }
            }
            return null;
        }

        private Node additive() {
            Node left = multiplicative();
            while (true) {
                skipSpace();
                if (peek() == '&' && !text.startsWith("&&", at)) {
                    at++;
                    left = new Binary("&", left, multiplicative());
                } else if (peek() == '+' || peek() == '-') {
                    String op = String.valueOf(text.charAt(at++));
                    left = new Binary(op, left, multiplicative());
                } else {
                    return left;
                }
            }
        }

        private Node multiplicative() {
            Node left = unary();
            while (true) {
                skipSpace();
                if (peek() == '*' || (peek() == '/' && !text.startsWith("/*", at))) {
                    String op = String.valueOf(text.charAt(at++));
                    left = new Binary(op, left, unary());
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            if (accept("!")) {
                return new Call("NOT", List.of(unary()));
            }
            if (accept("-")) {
                return new Binary("-", new Literal(BigDecimal.ZERO), unary());
            }
            return primary();
        }

        private Node primary() {
            skipSpace();
            char c = peek();
            if (c == '(') {
                at++;
                Node inner = expression();
                expect(')');
                return inner;
            }
            if (c == '"' || c == '\'') {
                return new Literal(string(c));
            }
            if (Character.isDigit(c) || c == '.') {
                int start = at;
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                return new Literal(new BigDecimal(text.substring(start, at)));
            }
            if (Character.isLetter(c) || c == '$') {
                String name = path();
                skipSpace();
                if (peek() == '(') {
                    return call(name);
                }
                return switch (name.toUpperCase(Locale.ROOT)) {
                    case "TRUE" -> new Literal(true);
                    case "FALSE" -> new Literal(false);
                    case "NULL" -> new Literal(null);
                    default -> new Field(name);
                };
            }
            throw error(c == 0 ? "the formula ends too early" : "unexpected '" + c + "'");
        }

        private Node call(String name) {
            String function = name.toUpperCase(Locale.ROOT);
            if (!FUNCTIONS.contains(function)) {
                throw error("function " + name + " is not one the simulated org evaluates (" + String.join(", ", new java.util.TreeSet<>(FUNCTIONS)) + ")");
            }
            expect('(');
            List<Node> arguments = new ArrayList<>();
            skipSpace();
            if (peek() != ')') {
                do {
                    arguments.add(expression());
                } while (accept(","));
            }
            expect(')');
            return new Call(function, List.copyOf(arguments));
        }

        private String path() {
            int start = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || "_.$".indexOf(text.charAt(at)) >= 0)) {
                at++;
            }
            return text.substring(start, at);
        }

        private String string(char quote) {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length() && text.charAt(at) != quote) {
                char c = text.charAt(at++);
                if (c == '\\' && at < text.length()) {
                    char escaped = text.charAt(at++);
                    value.append(switch (escaped) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> escaped;
                    });
                } else {
                    value.append(c);
                }
            }
            if (at >= text.length()) {
                throw error("a text literal is not closed");
            }
            at++;
            return value.toString();
        }

        private boolean accept(String token) {
            skipSpace();
            if (text.startsWith(token, at)) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void expect(char c) {
            skipSpace();
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        void expectEnd() {
            skipSpace();
            if (at < text.length()) {
                throw error("unexpected '" + text.charAt(at) + "'");
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : 0;
        }

        private void skipSpace() {
            while (at < text.length()) {
                if (Character.isWhitespace(text.charAt(at))) {
                    at++;
                } else if (text.startsWith("/*", at)) {
                    int end = text.indexOf("*/", at + 2);
                    at = end < 0 ? text.length() : end + 2;
                } else {
                    return;
                }
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("formula, at character " + (at + 1) + ": " + problem);
        }
    }

    private static Object normalize(Object value) {
        if (value instanceof Number n && !(value instanceof BigDecimal)) {
            return new BigDecimal(n.toString());
        }
        return value;
    }

    /** Salesforce treats a blank text, picklist or number as blank: TEXT of it is "". */
    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return String.valueOf(value);
    }

    private static boolean same(Object a, Object b) {
        a = normalize(a);
        b = normalize(b);
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return Objects.equals(a, b);
        }
        return text(a).equals(text(b));
    }

    private static int compare(Object a, Object b) {
        a = normalize(a);
        b = normalize(b);
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        return text(a).compareTo(text(b));
    }

    private static BigDecimal number(Object value) {
        Object n = normalize(value);
        if (n instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(text(n));
    }

    private static boolean truth(Object value) {
        return Boolean.TRUE.equals(value);
    }
}
