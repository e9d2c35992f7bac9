package io.leasebridge.connectors.gps;

import java.time.Duration;

/** How a vendor call waits before it tries again: the thread sleeps, unless a test must not wait on the wall clock. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = wait -> Thread.sleep(wait.toMillis());

    void sleep(Duration wait) throws InterruptedException;
}
