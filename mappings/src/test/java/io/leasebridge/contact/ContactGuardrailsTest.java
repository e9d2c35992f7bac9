package io.leasebridge.contact;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regulation F's figures at their edges, for a customer in Chicago: Central Standard Time (UTC-6) until 2am on
 * Sunday 2026-03-08, Central Daylight Time (UTC-5) after; back to CST at 2am on 2026-11-01.
 */
class ContactGuardrailsTest {

    private static final List<ZoneId> CHICAGO = List.of(ZoneId.of("America/Chicago"));
    private final ContactGuardrails rules = new ContactGuardrails(ContactLimits.REGULATION_F);

    @Test
    void theSeventhAttemptInSevenDaysIsAllowedTheEighthWaitsUntilTheFirstIsSevenDaysOld() {
        List<CallAttempt> six = daily("2026-03-02T15:00:00Z", 6);
        List<CallAttempt> seven = daily("2026-03-02T15:00:00Z", 7);
        Instant now = at("2026-03-08T16:00:00Z");

        ContactStanding beforeSeventh = rules.standing(six, CHICAGO, false, now);
        ContactStanding afterSeventh = rules.standing(seven, CHICAGO, false, now);

        assertThat(beforeSeventh.callAttempts7D()).isEqualTo(6);
        assertThat(beforeSeventh.callAllowed()).isTrue();
        assertThat(beforeSeventh.nextContactAllowedAt()).isEqualTo(now);
        assertThat(afterSeventh.callAttempts7D()).isEqualTo(7);
        assertThat(afterSeventh.blockedReason()).startsWith("ATTEMPT_LIMIT: 7 call attempts within 7 days");
        assertThat(afterSeventh.nextContactAllowedAt()).isEqualTo(at("2026-03-09T15:00:00Z"));
        assertThat(rules.standing(seven, CHICAGO, false, at("2026-03-09T14:59:59Z")).callAllowed()).isFalse();
        ContactStanding weekLater = rules.standing(seven, CHICAGO, false, at("2026-03-09T15:00:00Z"));
        assertThat(weekLater.callAllowed()).isTrue();
        assertThat(weekLater.callAttempts7D()).isEqualTo(6);
    }

    @Test
    void anEighthAttemptBlockedOvernightWaitsForEightOClockToo() {
        // seven evenings at 7:30pm CDT, the first on 2026-03-09; asked at 9pm on the 15th
        List<CallAttempt> seven = daily("2026-03-10T00:30:00Z", 7);

        ContactStanding standing = rules.standing(seven, CHICAGO, false, at("2026-03-16T02:00:00Z"));

        // the first leaves the period at 7:30pm CDT on the 16th, within calling hours; the standing changes first at 8am
        assertThat(standing.blockedReason()).startsWith("ATTEMPT_LIMIT");
        assertThat(standing.nextContactAllowedAt()).isEqualTo(at("2026-03-17T00:30:00Z"));
        assertThat(standing.validUntil()).isEqualTo(at("2026-03-16T02:00:00Z").plusSeconds(3600 * 11));
    }

    @Test
    void noCallForSevenDaysAfterAConversationToTheSecond() {
        List<CallAttempt> calls = List.of(new CallAttempt(at("2026-03-02T15:00:00Z"), true));

        ContactStanding during = rules.standing(calls, CHICAGO, false, at("2026-03-09T14:59:59Z"));
        ContactStanding after = rules.standing(calls, CHICAGO, false, at("2026-03-09T15:00:00Z"));

        assertThat(during.blockedReason()).startsWith("CONVERSATION_PAUSE: a conversation on 2026-03-02T15:00:00Z");
        assertThat(during.nextContactAllowedAt()).isEqualTo(at("2026-03-09T15:00:00Z"));
        assertThat(during.lastConversationAt()).isEqualTo(at("2026-03-02T15:00:00Z"));
        assertThat(during.validUntil()).isEqualTo(at("2026-03-09T15:00:00Z"));
        assertThat(after.callAllowed()).isTrue();
    }

    @Test
    void eightFiftyNinePmIsAllowedAndNinePmIsNotOnBothSidesOfTheSpringDstChange() {
        // Saturday 2026-03-07, CST: 8:59pm = 02:59Z, 9:00pm = 03:00Z
        assertThat(rules.standing(List.of(), CHICAGO, false, at("2026-03-08T02:59:00Z")).callAllowed()).isTrue();
        ContactStanding nineCst = rules.standing(List.of(), CHICAGO, false, at("2026-03-08T03:00:00Z"));
        assertThat(nineCst.blockedReason()).startsWith("OUTSIDE_CALLING_HOURS: calls only 08:00-21:00 in America/Chicago");
        // next morning is Sunday 2026-03-08, already CDT: 8am = 13:00Z
        assertThat(nineCst.nextContactAllowedAt()).isEqualTo(at("2026-03-08T13:00:00Z"));

        // Sunday 2026-03-08, CDT: 8:59pm = 01:59Z, 9:00pm = 02:00Z, which was 8pm and allowed the day before
        assertThat(rules.standing(List.of(), CHICAGO, false, at("2026-03-09T01:59:00Z")).callAllowed()).isTrue();
        ContactStanding nineCdt = rules.standing(List.of(), CHICAGO, false, at("2026-03-09T02:00:00Z"));
        assertThat(nineCdt.callAllowed()).isFalse();
        assertThat(nineCdt.nextContactAllowedAt()).isEqualTo(at("2026-03-09T13:00:00Z"));
        assertThat(rules.standing(List.of(), CHICAGO, false, at("2026-03-08T02:00:00Z")).callAllowed()).isTrue();
    }

    @Test
    void eightAmOpensTheDayAcrossTheFallDstChange() {
        // Sunday 2026-11-01 is CST again by 8am: 8:00am = 14:00Z, where 13:00Z had been 8am on Saturday
        ContactStanding sevenAm = rules.standing(List.of(), CHICAGO, false, at("2026-11-01T13:30:00Z"));

        assertThat(sevenAm.blockedReason()).startsWith("OUTSIDE_CALLING_HOURS");
        assertThat(sevenAm.nextContactAllowedAt()).isEqualTo(at("2026-11-01T14:00:00Z"));
        assertThat(rules.standing(List.of(), CHICAGO, false, at("2026-10-31T13:30:00Z")).callAllowed()).isTrue();
    }

    @Test
    void aStateOfTwoZonesAllowsOnlyTheHoursBothShare() {
        List<ZoneId> texas = CustomerZones.of("", "tx");

        // 8:30am in Dallas is 7:30am in El Paso; 8:30pm in Dallas is 7:30pm in El Paso
        ContactStanding dallasMorning = rules.standing(List.of(), texas, false, at("2026-03-10T13:30:00Z"));
        assertThat(texas).containsExactly(ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"));
        assertThat(dallasMorning.nextContactAllowedAt()).isEqualTo(at("2026-03-10T14:00:00Z"));
        assertThat(rules.standing(List.of(), texas, false, at("2026-03-11T01:30:00Z")).callAllowed()).isTrue();
        assertThat(rules.standing(List.of(), texas, false, at("2026-03-11T02:00:00Z")).callAllowed()).isFalse();
    }

    @Test
    void aMissingOrUnreadableTimeZoneWithoutAKnownStateAllowsNoCall() {
        List<CallAttempt> none = List.of();

        ContactStanding missing = rules.standing(none, CustomerZones.of(null, ""), false, at("2026-03-10T17:00:00Z"));
        ContactStanding unreadable = rules.standing(none, CustomerZones.of("Central", "XX"), false, at("2026-03-10T17:00:00Z"));

        assertThat(missing.blockedReason()).startsWith("NO_TIME_ZONE");
        assertThat(missing.nextContactAllowedAt()).isNull();
        assertThat(unreadable.blockedReason()).startsWith("NO_TIME_ZONE");
        assertThat(CustomerZones.of("America/Phoenix", "TX")).as("the Account's own zone comes first")
                .containsExactly(ZoneId.of("America/Phoenix"));
        assertThat(CustomerZones.of(" ", "IL")).containsExactly(ZoneId.of("America/Chicago"));
    }

    @Test
    void doNotCallAllowsNoCallWhateverElseSays() {
        ContactStanding standing = rules.standing(daily("2026-03-02T15:00:00Z", 2), CHICAGO, true, at("2026-03-04T17:00:00Z"));

        assertThat(standing.blockedReason()).startsWith("DO_NOT_CALL");
        assertThat(standing.nextContactAllowedAt()).isNull();
        assertThat(standing.callAttempts7D()).isEqualTo(2);
    }

    @Test
    void figuresComeFromConfigurationNotFromRegulationFAlone() {
        ContactGuardrails stricter = new ContactGuardrails(new ContactLimits(java.time.LocalTime.of(9, 0),
                java.time.LocalTime.of(20, 0), 3, java.time.Duration.ofDays(7), java.time.Duration.ofDays(10)));

        assertThat(stricter.standing(daily("2026-03-09T15:00:00Z", 3), CHICAGO, false, at("2026-03-11T16:00:00Z")).blockedReason())
                .startsWith("ATTEMPT_LIMIT: 3 call attempts");
        assertThat(stricter.standing(List.of(), CHICAGO, false, at("2026-03-11T13:30:00Z")).nextContactAllowedAt())
                .isEqualTo(at("2026-03-11T14:00:00Z"));
    }

    @Test
    void attemptsRecordedAfterTheMomentAskedAboutDoNotCount() {
        ContactStanding standing = rules.standing(daily("2026-03-02T15:00:00Z", 7), CHICAGO, false, at("2026-03-05T16:00:00Z"));

        assertThat(standing.callAttempts7D()).isEqualTo(4);
        assertThat(standing.callAllowed()).isTrue();
    }

    private static List<CallAttempt> daily(String first, int count) {
        List<CallAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attempts.add(new CallAttempt(at(first).plusSeconds(86_400L * i), false));
        }
        return attempts;
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
