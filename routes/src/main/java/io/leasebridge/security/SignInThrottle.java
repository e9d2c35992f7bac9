package io.leasebridge.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins per user name and per source address, and the wait they impose: none below
 * {@code slow-after} failures, then a delay that doubles with each failure, then {@code lock-for} from
 * {@code lock-after} failures on. An attempt during a wait is refused before its password is looked at, so guessing
 * on is pointless, and it does not count as a failure. Kept in memory: a restart forgets, which an operator may want.
 */
final class SignInThrottle {

    /** Beyond this many tracked names and addresses, the stale ones are dropped (a guesser may invent many names). */
    private static final int PURGE_ABOVE = 10_000;

    private final SignInProperties settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInThrottle(SignInProperties settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How much longer {@code user} or {@code address} must wait before trying again; empty: try now. */
    Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        Duration userWait = remaining(failures.get(userKey(user)), now);
        Duration addressWait = remaining(failures.get(addressKey(address)), now);
        Duration longest = userWait.compareTo(addressWait) >= 0 ? userWait : addressWait;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > PURGE_ABOVE) {
            failures.values().removeIf(f -> f.stale(now, forgetAfter()));
        }
        failures.merge(userKey(user), new Failures(1, now), (old, one) -> old.plusOne(now, settings.window()));
        failures.merge(addressKey(address), new Failures(1, now), (old, one) -> old.plusOne(now, settings.window()));
    }

    /** A right password ends the user's count; the address's stays, so that one valid account cannot reset it. */
    void succeeded(String user) {
        failures.remove(userKey(user));
    }

    private Duration remaining(Failures f, Instant now) {
        if (f == null || f.count() < settings.slowAfter()) {
            return Duration.ZERO;
        }
        Duration wait = f.count() >= settings.lockAfter() ? settings.lockFor()
                : settings.firstDelay().multipliedBy(1L << Math.min(f.count() - settings.slowAfter(), 20));
        Duration left = Duration.between(now, f.last().plus(wait));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Duration forgetAfter() {
        return settings.window().compareTo(settings.lockFor()) >= 0 ? settings.window() : settings.lockFor();
    }

    private static String userKey(String user) {
        return "user:" + user;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record Failures(int count, Instant last) {

        Failures plusOne(Instant now, Duration window) {
            return now.isAfter(last.plus(window)) ? new Failures(1, now) : new Failures(count + 1, now);
        }

        boolean stale(Instant now, Duration forgetAfter) {
            return now.isAfter(last.plus(forgetAfter));
        }
    }
}
