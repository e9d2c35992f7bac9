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
        @MaxLength(255) String name,
        @MaxLength(40) String primaryPhone,
        @MaxLength(40) String mobilePhone,
        @MaxLength(80) String email,
        @MaxLength(255) String street,
        @MaxLength(40) String city,
        @MaxLength(80) String state,
        @MaxLength(20) String postalCode,
        @MaxLength(255) String timeZone,
        @FailClosed(true) boolean doNotCall,
        @FailClosed(true) boolean doNotText,
        @FailClosed(false) boolean textConsent,
        @FailClosed(false) boolean emailConsent,
        @MaxLength(255) @PreferenceSource String preferenceSource) {
}
