package io.leasebridge.privacy;

import ch.qos.logback.core.Context;

import java.util.Arrays;
import java.util.List;

/** The masker the log converters use: the standard one, plus the fields {@code logback-spring.xml} passes on. */
final class LogMasking {

    /** Set by {@code <springProperty>} from {@code leasebridge.privacy.masked-fields} (comma-separated). */
    static final String FIELDS_PROPERTY = "LEASEBRIDGE_MASKED_FIELDS";

    private LogMasking() {
    }

    static PersonalDataMasker masker(Context context) {
        String fields = context == null ? null : context.getProperty(FIELDS_PROPERTY);
        if (fields == null || fields.isBlank()) {
            return PersonalDataMasker.standard();
        }
        List<String> extra = Arrays.stream(fields.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
        return PersonalDataMasker.standard().withPersonalFields(extra);
    }
}
