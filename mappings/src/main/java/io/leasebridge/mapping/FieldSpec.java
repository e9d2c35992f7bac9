package io.leasebridge.mapping;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How one canonical field is fed from one export column.
 *
 * @param max      the largest number allowed, or null
 * @param decimals for a decimal field that is not money (coordinates): how many decimals it may have; null reads money
 */
public record FieldSpec(String field, String column, boolean required, Pattern pattern, BigDecimal min, BigDecimal max,
                        Integer decimals) {

    public FieldSpec(String field, String column, boolean required, Pattern pattern, BigDecimal min) {
        this(field, column, required, pattern, min, null, null);
    }
}
