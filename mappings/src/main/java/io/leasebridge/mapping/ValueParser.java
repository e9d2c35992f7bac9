package io.leasebridge.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalQuery;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns export text into typed values. Throws {@link IllegalArgumentException} with a reason an operator
 * understands, quoting no more than the beginning of a long value; the binder turns that into a {@link Violation}.
 */
public final class ValueParser {

    // compiled once: the parser runs on every value of every export row
    private static final Pattern MONEY =
            Pattern.compile("\\d{1,3}(,\\d{3})*(\\.\\d+)?|\\d+(\\.\\d+)?|\\.\\d+");
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+(\\.\\d+)?|\\.\\d+)");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)");

    private static final int CURRENCY_SCALE = 2;
    private static final int DATES_REMEMBERED = 10_000;
    private static final Set<String> YES = Set.of("y", "yes", "true", "1", "t", "x");
    private static final Set<String> NO = Set.of("n", "no", "false", "0", "f");

    private final List<DateTimeFormatter> dateFormats;
    private final List<DateTimeFormatter> dateTimeFormats;
    private final List<String> datePatterns;
    private final ZoneId zone;
    private final AtomicInteger lastDateFormat = new AtomicInteger();
    // an export repeats a few thousand distinct dates (the days of some years) in every row: each is read once
    private final Map<String, LocalDate> datesRead = new ConcurrentHashMap<>();
    private final AtomicInteger lastDateTimeFormat = new AtomicInteger();

    public ValueParser(List<String> datePatterns, List<String> dateTimePatterns, ZoneId zone) {
        this.datePatterns = List.copyOf(datePatterns);
        this.dateFormats = datePatterns.stream().map(ValueParser::strict).toList();
        this.dateTimeFormats = dateTimePatterns.stream().map(ValueParser::strict).toList();
        this.zone = zone;
    }

    /** Rejects impossible dates such as 02/30/2026 instead of moving them to the end of the month. */
    private static DateTimeFormatter strict(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern)
                .parseDefaulting(ChronoField.ERA, 1)
                .toFormatter(Locale.US)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    public Object parse(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        }
        if (type == LocalDate.class) {
            return date(text);
        }
        if (type == BigDecimal.class) {
            return money(text);
        }
        if (type == int.class || type == Integer.class) {
            return wholeNumber(text);
        }
        if (type == boolean.class || type == Boolean.class) {
            return yesNo(text);
        }
        if (type == Instant.class) {
            return instant(text);
        }
        throw new IllegalStateException("no parser for canonical type " + type.getSimpleName());
    }

    LocalDate date(String text) {
        LocalDate known = datesRead.get(text);
        if (known != null) {
            return known;
        }
        LocalDate date = firstThatReads(text, dateFormats, lastDateFormat, LocalDate::from);
        if (date == null) {
            throw new IllegalArgumentException("not a date in " + String.join(" or ", datePatterns) + ": " + ValueInReason.quoted(text));
        }
        if (datesRead.size() < DATES_REMEMBERED) {
            datesRead.put(text, date);
        }
        return date;
    }

    Instant instant(String text) {
        // ISO-8601 with an offset always has its T
        if (text.indexOf('T') >= 0 || text.indexOf('t') >= 0) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                // a pattern of the field map may still read it
            }
        }
        LocalDateTime local = firstThatReads(text, dateTimeFormats, lastDateTimeFormat, LocalDateTime::from);
        if (local == null) {
            throw new IllegalArgumentException("not a date and time: " + ValueInReason.quoted(text));
        }
        return local.atZone(zone).toInstant();
    }

    /**
     * The value as read by the first of the formats that reads it, or null. The format that read the last value is
     * tried outright; the others only once the text fits their pattern, which costs no exception when it does not: an
     * export written throughout in the second format would otherwise throw one per value for the first.
     */
    private static <T> T firstThatReads(String text, List<DateTimeFormatter> formats, AtomicInteger lastUsed, TemporalQuery<T> query) {
        int last = lastUsed.get();
        for (int i = 0; i < formats.size(); i++) {
            DateTimeFormatter format = formats.get(i);
            if (i != last && !fits(format, text)) {
                continue;
            }
            try {
                T value = format.parse(text, query);
                lastUsed.set(i);
                return value;
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        return null;
    }

    private static boolean fits(DateTimeFormatter format, String text) {
        ParsePosition position = new ParsePosition(0);
        return format.parseUnresolved(text, position) != null && position.getIndex() == text.length();
    }

    /** Accepts {@code 1234.5}, {@code $1,234.50}, {@code -$12.00} and accounting negatives {@code ($12.00)}. */
    BigDecimal money(String text) {
        if (isPlainNumber(text)) {
            // how nearly every amount arrives: no sign but a minus, no separators; read without the pattern
            return atCurrencyScale(new BigDecimal(text), text);
        }
        String s = text;
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        if (s.startsWith("-")) {
            negative = !negative;
            s = s.substring(1).strip();
        }
        if (s.startsWith("$")) {
            s = s.substring(1).strip();
        }
        if (!MONEY.matcher(s).matches()) {
            throw new IllegalArgumentException("not an amount of money: " + ValueInReason.quoted(text));
        }
        BigDecimal amount = atCurrencyScale(new BigDecimal(s.replace(",", "")), text);
        return negative ? amount.negate() : amount;
    }

    private static BigDecimal atCurrencyScale(BigDecimal amount, String text) {
        if (amount.scale() > CURRENCY_SCALE && amount.stripTrailingZeros().scale() > CURRENCY_SCALE) {
            throw new IllegalArgumentException("more than two decimals in an amount of money: " + ValueInReason.quoted(text));
        }
        return amount.setScale(CURRENCY_SCALE, RoundingMode.UNNECESSARY);
    }

    /** An optional minus, ASCII digits and at most one point with a digit after it: {@code 12}, {@code -0.5}, {@code .50}. */
    private static boolean isPlainNumber(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        int point = -1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' && point < 0) {
                point = i;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        int digits = text.length() - start - (point < 0 ? 0 : 1);
        return digits > 0 && point != text.length() - 1;
    }

    /** A plain decimal number such as a coordinate ({@code -94.578331}): no currency sign, at most {@code decimals} decimals. */
    BigDecimal decimal(String text, int decimals) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal number: " + ValueInReason.quoted(text));
        }
        BigDecimal number = new BigDecimal(text);
        if (number.stripTrailingZeros().scale() > decimals) {
            throw new IllegalArgumentException("more than " + decimals + " decimals: " + ValueInReason.quoted(text));
        }
        return number;
    }

    int wholeNumber(String text) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number: " + ValueInReason.quoted(text));
        }
        try {
            return Integer.parseInt(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + ValueInReason.quoted(text));
        }
    }

    boolean yesNo(String text) {
        String s = text.toLowerCase(Locale.ROOT);
        if (YES.contains(s)) {
            return true;
        }
        if (NO.contains(s)) {
            return false;
        }
        throw new IllegalArgumentException("not yes or no: " + ValueInReason.quoted(text));
    }
}
