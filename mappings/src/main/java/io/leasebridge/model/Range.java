package io.leasebridge.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a number can have whatever the deployment: a latitude lies between -90 and 90. Written as
 * text so that a decimal bound stays exact; a field map may narrow the range with its own min and max.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {

    String min();

    String max();
}
