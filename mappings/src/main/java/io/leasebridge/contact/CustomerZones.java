package io.leasebridge.contact;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The time zones a customer may be in: the Account's own, or lacking it every zone of the state the vehicle is
 * garaged in (a state that spans two zones allows a call only when it is allowed in both). Neither known: none,
 * and no call is allowed.
 */
public final class CustomerZones {

    private static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final ZoneId MOUNTAIN = ZoneId.of("America/Denver");
    private static final ZoneId ARIZONA = ZoneId.of("America/Phoenix");
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final ZoneId ALASKA = ZoneId.of("America/Anchorage");
    private static final ZoneId HAWAII = ZoneId.of("Pacific/Honolulu");

    private static final Map<String, List<ZoneId>> BY_STATE = Map.ofEntries(
            Map.entry("AL", List.of(CENTRAL)), Map.entry("AK", List.of(ALASKA, ZoneId.of("America/Adak"))),
            Map.entry("AZ", List.of(ARIZONA)), Map.entry("AR", List.of(CENTRAL)), Map.entry("CA", List.of(PACIFIC)),
            Map.entry("CO", List.of(MOUNTAIN)), Map.entry("CT", List.of(EASTERN)), Map.entry("DE", List.of(EASTERN)),
            Map.entry("DC", List.of(EASTERN)), Map.entry("FL", List.of(EASTERN, CENTRAL)), Map.entry("GA", List.of(EASTERN)),
            Map.entry("HI", List.of(HAWAII)), Map.entry("ID", List.of(MOUNTAIN, PACIFIC)), Map.entry("IL", List.of(CENTRAL)),
            Map.entry("IN", List.of(EASTERN, CENTRAL)), Map.entry("IA", List.of(CENTRAL)), Map.entry("KS", List.of(CENTRAL, MOUNTAIN)),
            Map.entry("KY", List.of(EASTERN, CENTRAL)), Map.entry("LA", List.of(CENTRAL)), Map.entry("ME", List.of(EASTERN)),
            Map.entry("MD", List.of(EASTERN)), Map.entry("MA", List.of(EASTERN)), Map.entry("MI", List.of(EASTERN, CENTRAL)),
            Map.entry("MN", List.of(CENTRAL)), Map.entry("MS", List.of(CENTRAL)), Map.entry("MO", List.of(CENTRAL)),
            Map.entry("MT", List.of(MOUNTAIN)), Map.entry("NE", List.of(CENTRAL, MOUNTAIN)), Map.entry("NV", List.of(PACIFIC, MOUNTAIN)),
            Map.entry("NH", List.of(EASTERN)), Map.entry("NJ", List.of(EASTERN)), Map.entry("NM", List.of(MOUNTAIN)),
            Map.entry("NY", List.of(EASTERN)), Map.entry("NC", List.of(EASTERN)), Map.entry("ND", List.of(CENTRAL, MOUNTAIN)),
            Map.entry("OH", List.of(EASTERN)), Map.entry("OK", List.of(CENTRAL)), Map.entry("OR", List.of(PACIFIC, MOUNTAIN)),
            Map.entry("PA", List.of(EASTERN)), Map.entry("RI", List.of(EASTERN)), Map.entry("SC", List.of(EASTERN)),
            Map.entry("SD", List.of(CENTRAL, MOUNTAIN)), Map.entry("TN", List.of(EASTERN, CENTRAL)), Map.entry("TX", List.of(CENTRAL, MOUNTAIN)),
            Map.entry("UT", List.of(MOUNTAIN)), Map.entry("VT", List.of(EASTERN)), Map.entry("VA", List.of(EASTERN)),
            Map.entry("WA", List.of(PACIFIC)), Map.entry("WV", List.of(EASTERN)), Map.entry("WI", List.of(CENTRAL)),
            Map.entry("WY", List.of(MOUNTAIN)), Map.entry("PR", List.of(ZoneId.of("America/Puerto_Rico"))));

    private CustomerZones() {
    }

    /**
     * @param accountTimeZone the Account's time zone (an IANA id such as {@code America/Chicago}), or blank
     * @param state           the two-letter state the vehicle is garaged in (else the customer's), or blank
     * @return the zones a call must suit, empty when neither says where the customer is
     */
    public static List<ZoneId> of(String accountTimeZone, String state) {
        Optional<ZoneId> own = zone(accountTimeZone);
        if (own.isPresent()) {
            return List.of(own.get());
        }
        return state == null ? List.of() : BY_STATE.getOrDefault(state.trim().toUpperCase(Locale.ROOT), List.of());
    }

    private static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.trim()));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }
}
