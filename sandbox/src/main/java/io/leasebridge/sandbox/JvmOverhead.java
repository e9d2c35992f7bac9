package io.leasebridge.sandbox;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the JVM spent besides running the intake: its compiler turning the intake's code into machine code (a cost of a
 * fresh JVM, taken on the same processors as the work), and its collector's pauses. Both as the JVM reports them, in
 * milliseconds; the compiler's is summed over its threads.
 *
 * @param compilingNanos time in the just-in-time compiler
 * @param collectingNanos time in garbage collections
 */
record JvmOverhead(long compilingNanos, long collectingNanos) {

    static JvmOverhead sinceStart() {
        long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long collecting = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(ms -> ms > 0).sum();
        return new JvmOverhead(compiling * 1_000_000, collecting * 1_000_000);
    }

    JvmOverhead minus(JvmOverhead earlier) {
        return new JvmOverhead(compilingNanos - earlier.compilingNanos, collectingNanos - earlier.collectingNanos);
    }

    JvmOverhead plus(JvmOverhead other) {
        return new JvmOverhead(compilingNanos + other.compilingNanos, collectingNanos + other.collectingNanos);
    }
}
