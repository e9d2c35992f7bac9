package io.leasebridge.mapping.vin;

import io.leasebridge.mapping.ValueInReason;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one VIN as a source system sent it: the VIN as LeaseBridge will write it (trimmed, upper
 * case) and, when it cannot be used, why, in words an operator can act on. Bad data never throws: a bad VIN
 * is a dead letter with a reason, not a crash of the batch.
 *
 * <p>Every VIN must have 17 characters, digits and the letters A-Z without I, O and Q (ISO 3779). The check
 * digit at position 9 (49 CFR 565 / FMVSS 115) is enforced only for North American VINs, first character
 * 1-5: elsewhere it is optional, and European makers commonly put a letter there ({@code WVWZZZ3CZWE689725}),
 * so enforcing it would reject genuine vehicles.
 */
public record VinCheck(String vin, Optional<String> problem) {

    public static final int LENGTH = 17;
    public static final int CHECK_DIGIT_POSITION = 9;

    private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    public VinCheck {
        Objects.requireNonNull(vin, "vin");
        Objects.requireNonNull(problem, "problem");
    }

    /** Checks {@code raw} as received; {@code null} and blank are reported, not thrown. */
    public static VinCheck check(String raw) {
        String vin = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (vin.isEmpty()) {
            return invalid(vin, "VIN is blank");
        }
        if (vin.length() != LENGTH) {
            return invalid(vin, "VIN must have " + LENGTH + " characters, not " + vin.length() + ": " + ValueInReason.quoted(vin));
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = vin.charAt(i);
            if (c == 'I' || c == 'O' || c == 'Q') {
                return invalid(vin, "VIN '" + vin + "' has the letter " + c + " at position " + (i + 1)
                        + "; the letters I, O and Q are never used in a VIN");
            }
            if (transliterate(c) < 0) {
                return invalid(vin, "VIN '" + vin + "' has '" + c + "' at position " + (i + 1)
                        + "; a VIN holds only digits and the letters A-Z except I, O and Q");
            }
        }
        if (isNorthAmerican(vin)) {
            char expected = checkDigit(vin);
            char actual = vin.charAt(CHECK_DIGIT_POSITION - 1);
            if (actual != expected) {
                return invalid(vin, "VIN '" + vin + "' has check digit '" + actual + "' at position "
                        + CHECK_DIGIT_POSITION + " but its other characters give '" + expected
                        + "'; North American VINs (first character 1-5) must carry the right check digit,"
                        + " so one of its characters is probably mistyped");
            }
        }
        return new VinCheck(vin, Optional.empty());
    }

    public boolean isValid() {
        return problem.isEmpty();
    }

    /** Built in the USA (1, 4, 5), Canada (2) or Mexico (3): the markets where the check digit is law. */
    public static boolean isNorthAmerican(String vin) {
        return !vin.isEmpty() && vin.charAt(0) >= '1' && vin.charAt(0) <= '5';
    }

    /**
     * The check digit the other 16 characters of {@code vin} call for: '0'-'9', or 'X' for remainder 10.
     *
     * @throws IllegalArgumentException when {@code vin} is not 17 VIN characters; {@link #check} never gets
     *                                  here with such input
     */
    public static char checkDigit(String vin) {
        if (vin.length() != LENGTH) {
            throw new IllegalArgumentException("a VIN has " + LENGTH + " characters: '" + vin + "'");
        }
        int sum = 0;
        for (int i = 0; i < LENGTH; i++) {
            int value = transliterate(vin.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a VIN character: '" + vin.charAt(i) + "' in '" + vin + "'");
            }
            sum += value * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 'X' : (char) ('0' + remainder);
    }

    /** ISO 3779 values: A-H 1-8, J-N 1-5, P 7, R 9, S-Z 2-9; -1 for anything a VIN cannot hold. */
    private static int transliterate(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'H') {
            return c - 'A' + 1;
        }
        if (c >= 'J' && c <= 'N') {
            return c - 'J' + 1;
        }
        if (c == 'P') {
            return 7;
        }
        if (c == 'R') {
            return 9;
        }
        if (c >= 'S' && c <= 'Z') {
            return c - 'S' + 2;
        }
        return -1;
    }

    private static VinCheck invalid(String vin, String problem) {
        return new VinCheck(vin, Optional.of(problem));
    }
}
