package io.leasebridge.security;

import io.leasebridge.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Failed sign-ins per user and per address: free at first, then slowed with a doubling wait, then locked out. */
class SignInThrottleTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T06:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInProperties(3, Duration.ofSeconds(1), 5, Duration.ofMinutes(15), Duration.ofMinutes(15)), clock);

    @Test
    void failuresBelowSlowAfterCostNoWait() {
        fail("ann", "198.51.100.7", 2);
        assertThat(throttle.waitFor("ann", "198.51.100.7")).isEmpty();
    }

    @Test
    void fromSlowAfterEachFailureDoublesTheWait() {
        fail("ann", "198.51.100.7", 3);
        assertThat(throttle.waitFor("ann", "198.51.100.7")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("ann", "198.51.100.7")).isEmpty();

        fail("ann", "198.51.100.7", 1);
        assertThat(throttle.waitFor("ann", "198.51.100.7")).contains(Duration.ofSeconds(2));
    }

    @Test
    void atLockAfterTheUserIsLockedOutForLockForFromAnyAddress() {
        fail("ann", "198.51.100.7", 5);
        assertThat(throttle.waitFor("ann", "203.0.113.9")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.waitFor("ann", "203.0.113.9")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.waitFor("ann", "203.0.113.9")).isEmpty();
    }

    @Test
    void anAddressGuessingManyUsersIsLockedOutForEveryUser() {
        for (int i = 0; i < 5; i++) {
            fail("user-" + i, "198.51.100.7", 1);
        }
        assertThat(throttle.waitFor("someone-else", "198.51.100.7")).contains(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("someone-else", "203.0.113.9")).isEmpty();
    }

    @Test
    void aRightPasswordEndsTheUsersCountButNotTheAddresss() {
        fail("ann", "198.51.100.7", 4);
        throttle.succeeded("ann");
        assertThat(throttle.waitFor("ann", "203.0.113.9")).isEmpty();
        assertThat(throttle.waitFor("bob", "198.51.100.7")).isPresent();
    }

    @Test
    void failuresFurtherApartThanTheWindowAreNotCountedTogether() {
        fail("ann", "198.51.100.7", 2);
        clock.advance(Duration.ofMinutes(16));
        fail("ann", "198.51.100.7", 2);
        assertThat(throttle.waitFor("ann", "198.51.100.7")).isEmpty();
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }
}
