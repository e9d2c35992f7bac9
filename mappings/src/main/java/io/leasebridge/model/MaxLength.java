package io.leasebridge.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The most characters a text field may hold: as much as every system it is stored in or sent to accepts.
 * The field map refuses a longer value row by row, and the hub's column is at least this wide.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MaxLength {

    int value();
}
