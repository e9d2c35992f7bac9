package io.leasebridge.model;

/**
 * A lessee as LeaseWorks knows it, with the contact preferences collectors must honour. Text limits are those
 * of the Salesforce Account fields each value feeds.
 *
 * @param preferenceSource where the four preferences came from, and which were taken as "not allowed" because
 *                         LeaseWorks gave no usable value
 */
public record Customer(
        @MaxLength(64) String customerId,
        @Personal @MaxLength(255) String name,
        @Personal @MaxLength(40) String primaryPhone,
        @Personal @MaxLength(40) String mobilePhone,
        @Personal @MaxLength(80) String email,
        @Personal @MaxLength(255) String street,
        @Personal @MaxLength(40) String city,
        @MaxLength(80) String state,
        @Personal @MaxLength(20) String postalCode,
        @MaxLength(255) String timeZone,
        @FailClosed(true) boolean doNotCall,
        @FailClosed(true) boolean doNotText,
        @FailClosed(false) boolean textConsent,
        @FailClosed(false) boolean emailConsent,
        @MaxLength(255) @PreferenceSource String preferenceSource) {
}
