package io.leasebridge.sandbox;

import java.nio.file.Path;

/**
 * What a sandbox run uses.
 *
 * @param home       where the sandbox keeps its hub database and LeaseWorks inbox ({@code data/sandbox})
 * @param accounts   accounts the generated portfolio has
 * @param seed       the generator's seed: the same seed writes the same files
 * @param regenerate write export files even if this sandbox already generated some
 */
public record SandboxOptions(Path home, int accounts, long seed, boolean regenerate) {

    public static SandboxOptions defaults() {
        return new SandboxOptions(Path.of("data", "sandbox"), PortfolioGenerator.DEFAULT_ACCOUNTS, 20261127L, false);
    }

    /**
     * Reads {@code --accounts=N --seed=S --home=DIR --regenerate}; anything else is refused. One argument
     * may hold several options separated by blanks, as Maven passes {@code -Dsandbox.args="..."}.
     */
    public static SandboxOptions parse(String... args) {
        SandboxOptions options = defaults();
        for (String arg : String.join(" ", args).strip().split("\\s+")) {
            if (arg.isBlank()) {
                continue;
            }
            String[] kv = arg.split("=", 2);
            String value = kv.length == 2 ? kv[1] : "";
            options = switch (kv[0]) {
                case "--accounts" -> new SandboxOptions(options.home, Integer.parseInt(value), options.seed, options.regenerate);
                case "--seed" -> new SandboxOptions(options.home, options.accounts, Long.parseLong(value), options.regenerate);
                case "--home" -> new SandboxOptions(Path.of(value), options.accounts, options.seed, options.regenerate);
                case "--regenerate" -> new SandboxOptions(options.home, options.accounts, options.seed, true);
                default -> throw new IllegalArgumentException("unknown sandbox option " + kv[0]
                        + " (known: --accounts=N --seed=S --home=DIR --regenerate)");
            };
        }
        return options;
    }

    public Path inbox() {
        return home.resolve("inbox");
    }

    public String hubUrl() {
        return "jdbc:h2:file:" + home.resolve("hub").toAbsolutePath() + ";MODE=PostgreSQL;WRITE_DELAY=0";
    }
}
