package io.leasebridge.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The digits a decimal field may hold, as SQL's {@code numeric(precision, scale)} and Salesforce's Number and
 * Currency fields count them: {@code precision} digits in all, {@code scale} of them after the decimal point.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Numeric {

    int precision();

    int scale();
}
