package io.leasebridge.architecture.violations.purejava;

import org.springframework.stereotype.Component;

/**
 * Breaks "mappings and ledger know no Spring" by its annotation alone.
 * Abstract, so that the application's component scan, which sees the test classes, never makes it a bean.
 */
@Component
public abstract class SpringInPureJava {
}
