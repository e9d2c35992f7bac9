package io.leasebridge.security;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints the {@code password-hash} of {@code leasebridge.security.users} for a password read from the terminal (or
 * standard input), never from the command line, where shell history and process lists would keep it. A password the
 * production profile would refuse (shorter than 12 characters, or a common one) gets no hash:
 * <pre>
 * java -cp routes/target/leasebridge-routes-0.1.0-SNAPSHOT-exec.jar -Dloader.main=io.leasebridge.security.PasswordHashCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher
 * </pre>
 */
public final class PasswordHashCommand {

    private PasswordHashCommand() {
    }

    public static void main(String[] args) throws IOException {
        String password = readPassword();
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
        }
        java.util.Optional<String> weakness = PasswordPolicy.shipped().weakness(password);
        if (weakness.isPresent()) {
            System.err.println("refused: the password is " + weakness.get() + "; the production profile would not take it");
            System.exit(2);
        }
        System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
    }

    private static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
