package io.leasebridge.mapping;

import io.leasebridge.model.MaxLength;
import io.leasebridge.model.Numeric;
import io.leasebridge.model.Range;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What one canonical field can hold, read from its record component's {@link MaxLength}, {@link Numeric} and
 * {@link Range}: the one place the mapping, the hub schema and its tests take a field's limits from.
 *
 * @param maxLength most characters of a text, or null
 * @param precision most digits of a decimal in all, or null
 * @param scale     most digits after its decimal point, or null
 * @param min       smallest value, or null
 * @param max       largest value, or null
 */
public record FieldLimits(Integer maxLength, Integer precision, Integer scale, BigDecimal min, BigDecimal max) {

    static final FieldLimits NONE = new FieldLimits(null, null, null, null, null);

    public static FieldLimits of(RecordComponent component) {
        MaxLength length = component.getAnnotation(MaxLength.class);
        Numeric numeric = component.getAnnotation(Numeric.class);
        Range range = component.getAnnotation(Range.class);
        return new FieldLimits(
                length == null ? null : length.value(),
                numeric == null ? null : numeric.precision(),
                numeric == null ? null : numeric.scale(),
                range == null ? null : new BigDecimal(range.min()),
                range == null ? null : new BigDecimal(range.max()));
    }

    /**
     * Why a value cannot be held, or empty when it can. Text is described by its length only, never quoted, since
     * names, phones and addresses are personal data; numbers are shown, a long one cut short.
     */
    public Optional<String> check(Object value) {
        if (value instanceof String text) {
            // UTF-16 units, not code points: the larger count, so a value passed here fits every store
            if (maxLength != null && text.length() > maxLength) {
                return Optional.of("longer than " + maxLength + " characters (" + text.length() + ")");
            }
        } else if (value instanceof BigDecimal number) {
            return checkNumber(number);
        } else if (value instanceof Integer whole) {
            return checkNumber(BigDecimal.valueOf(whole));
        }
        return Optional.empty();
    }

    private Optional<String> checkNumber(BigDecimal number) {
        if (min != null && number.compareTo(min) < 0) {
            return Optional.of("below the minimum of " + min.toPlainString() + ": " + ValueInReason.number(number));
        }
        if (max != null && number.compareTo(max) > 0) {
            return Optional.of("above the maximum of " + max.toPlainString() + ": " + ValueInReason.number(number));
        }
        if (precision == null) {
            return Optional.empty();
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (Math.max(stripped.scale(), 0) > scale) {
            return Optional.of("more than " + scale + " decimals: " + ValueInReason.number(number));
        }
        // in long: 1E+2147483647 has 2,147,483,648 whole digits, one more than an int counts
        long wholeDigits = Math.max((long) stripped.precision() - stripped.scale(), 0);
        if (wholeDigits > precision - scale) {
            return Optional.of("more than " + (precision - scale) + " digits before the decimal point: " + ValueInReason.number(number));
        }
        return Optional.empty();
    }
}
