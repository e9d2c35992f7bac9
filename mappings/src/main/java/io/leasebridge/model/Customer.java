package io.leasebridge.model;

/** A lessee as LeaseWorks knows it, with the contact preferences collectors must honour. */
public record Customer(
        String customerId,
        String name,
        String primaryPhone,
        String mobilePhone,
        String email,
        String street,
        String city,
        String state,
        String postalCode,
        String timeZone,
        boolean doNotCall,
        boolean doNotText,
        boolean textConsent,
        boolean emailConsent) {
}
