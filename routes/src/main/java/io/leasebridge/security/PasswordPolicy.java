package io.leasebridge.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the production profile calls a weak admin password: shorter than {@value #MIN_LENGTH} characters, or one of
 * the common passwords shipped in {@code security/common-passwords.txt}. Both show when the password is at hand, at
 * sign-in and when a hash is made. A configured bcrypt hash hides its length, and each entry tried against it costs
 * a bcrypt check, so start-up tries the list's first {@value #TRIED_AT_START_UP} entries, the likeliest.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int TRIED_AT_START_UP = 16;
    private static final String LIST = "security/common-passwords.txt";

    private final List<String> common;

    private PasswordPolicy(List<String> common) {
        this.common = common;
    }

    static PasswordPolicy shipped() {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the class path");
            }
            List<String> entries = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).distinct().toList();
            return new PasswordPolicy(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LIST, e);
        }
    }

    /** Why {@code password} is weak ("shorter than 12 characters", "a common password"), or empty. */
    Optional<String> weakness(String password) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of("shorter than " + MIN_LENGTH + " characters");
        }
        return common.contains(password.toLowerCase(Locale.ROOT)) ? Optional.of("a common password") : Optional.empty();
    }

    /** Whether the bcrypt {@code hash} is the hash of one of the likeliest listed passwords, as listed. */
    boolean isCommon(String hash, PasswordEncoder encoder) {
        return common.stream().limit(TRIED_AT_START_UP).parallel().anyMatch(password -> encoder.matches(password, hash));
    }
}
