package io.leasebridge.mapping;

/** A field-map file that cannot be used; the message names the file, the export and the field. */
public class MappingConfigException extends RuntimeException {

    public MappingConfigException(String message) {
        super(message);
    }

    public MappingConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
