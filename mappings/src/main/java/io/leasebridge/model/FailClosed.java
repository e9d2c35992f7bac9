package io.leasebridge.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A yes/no permission that must fail closed: when its value is blank, unreadable or not exported at all, it
 * takes {@link #value()}, the answer that allows nothing (do not call: yes; consent: no), and the record's
 * {@link PreferenceSource} component says so. The field map must name its column or mark it {@code absent}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface FailClosed {

    /** The value that allows nothing. */
    boolean value();
}
