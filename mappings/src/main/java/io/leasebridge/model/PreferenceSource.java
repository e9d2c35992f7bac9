package io.leasebridge.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text component that tells where a record's {@link FailClosed} values came from: {@value #READ} when every
 * one was read, else which ones were taken as "not allowed" and why (blank, unreadable, not exported).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PreferenceSource {

    String READ = "LeaseWorks";
    String NOT_ALLOWED = "LeaseWorks; not allowed for want of a value: ";
}
