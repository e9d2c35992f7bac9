package io.leasebridge.mapping;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/** How one canonical field is fed from one export column. */
public record FieldSpec(String field, String column, boolean required, Pattern pattern, BigDecimal min) {
}
