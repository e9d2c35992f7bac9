package io.leasebridge.mapping;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A value as the reason for refusing it shows it: whole when it is short, else its beginning and its length, so that a
 * dead letter's reason stays short whatever a row holds. Values of personal fields are never shown; their reasons
 * give a length only.
 */
public final class ValueInReason {

    /** Any date, amount or code a field holds fits whole; a longer value is still recognisable from this many. */
    static final int MOST_CHARACTERS_SHOWN = 40;

    private ValueInReason() {
    }

    /** {@code '13/45/2026'}, or {@code '2026-01-01xxx…' (100,000 characters)}. */
    public static String quoted(String text) {
        return text.length() <= MOST_CHARACTERS_SHOWN ? "'" + text + "'" : "'" + beginning(text) + "…' (" + length(text) + ")";
    }

    /**
     * {@code 4111111111111111111.00} unquoted, or its beginning and length the way {@link #quoted} shows a text;
     * {@code 1E+999999999} with its exponent.
     */
    public static String number(BigDecimal number) {
        // written out, 1E+999999999 is a billion characters: a number with such an exponent is shown with it
        String text = Math.abs((long) number.scale()) > MOST_CHARACTERS_SHOWN ? number.toString() : number.toPlainString();
        return text.length() <= MOST_CHARACTERS_SHOWN ? text : beginning(text) + "… (" + length(text) + ")";
    }

    private static String beginning(String text) {
        return cut(text, MOST_CHARACTERS_SHOWN);
    }

    /** At most the first {@code most} characters, without half of a character written as two UTF-16 units. */
    public static String cut(String text, int most) {
        if (text.length() <= most) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(most - 1)) ? most - 1 : most);
    }

    private static String length(String text) {
        return String.format(Locale.US, "%,d characters", text.length());
    }
}
