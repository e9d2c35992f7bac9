package io.leasebridge.flow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The run-once in progress.
 *
 * @param started when it started: the runs it made are the run history's since then
 * @param asOf    the day it judges as of: today in the lessor's zone unless {@code leasebridge.judge-as-of} says otherwise
 * @param timeout the longest one flow may take
 */
public record RunOnce(Instant started, LocalDate asOf, Duration timeout) {
}
