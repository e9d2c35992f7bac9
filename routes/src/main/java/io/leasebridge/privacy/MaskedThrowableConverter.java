package io.leasebridge.privacy;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * A logged exception as Spring Boot prints it ({@code %wEx}: a blank line around the stack trace, the jar of each
 * frame), with personal data and secrets masked in every message, cause included: {@code %maskedEx} in
 * {@code logback-spring.xml}, which also maps Boot's {@code %wEx} and logback's throwable words here.
 */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    private PersonalDataMasker masker = PersonalDataMasker.standard();

    @Override
    public void start() {
        masker = LogMasking.masker(getContext());
        super.start();
    }

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return masker.mask(super.throwableProxyToString(throwable));
    }
}
