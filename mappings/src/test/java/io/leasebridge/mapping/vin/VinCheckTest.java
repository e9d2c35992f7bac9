package io.leasebridge.mapping.vin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * VIN validation against real VINs. Every "valid" VIN below had its check digit recomputed by hand (ISO 3779
 * weights) before it went in: several VINs copied around the web as examples do not pass.
 */
class VinCheckTest {

    /** North American VINs (first character 1-5) whose check digit is right. */
    @ParameterizedTest
    @ValueSource(strings = {
            "1HGCM82633A004352", // Honda (1HG) Accord, model year 2003
            "1M8GDM9AXKP042788", // Motor Coach Industries (1M8), 1989; remainder 10, check digit X
            "1HGBH41JXMN109186", // Honda (1HG), 1991; check digit X
            "1FTFW1CT5DFC10312", // Ford truck (1FT), 2013
            "1GNEK13ZX3R298984", // Chevrolet truck (1GN), 2003
            "1FAFP40634F172825", // Ford car (1FA), 2004
            "1G1ZT53826F109149", // Chevrolet car (1G1), 2006
            "1XPTD40X6JD456115", // Peterbilt (1XP), 1988
    })
    void realNorthAmericanVinsPass(String vin) {
        VinCheck check = VinCheck.check(vin);

        assertThat(check.problem()).isEmpty();
        assertThat(check.isValid()).isTrue();
        assertThat(check.vin()).isEqualTo(vin);
        assertThat(VinCheck.isNorthAmerican(vin)).isTrue();
    }

    /** Japanese, Chinese and German VINs: only length and characters are checked. */
    @ParameterizedTest
    @ValueSource(strings = {
            "JH4KA7561PC008269", // Acura (JH4), Japan
            "JN1DA31D63T505967", // Nissan (JN1), Japan
            "JHMCM56557C404453", // Honda (JHM), Japan
            "JTHCE96S770008889", // Lexus (JTH), Japan
            "LVSHCAMB1CE054249", // Changan Ford (LVS), China
            "WP0AA2A8XNS255297", // Porsche (WP0), Germany
            "WVWZZZ3CZWE689725", // Volkswagen (WVW), European market: Z where North America has a check digit
    })
    void realVinsFromOutsideNorthAmericaPass(String vin) {
        assertThat(VinCheck.check(vin).isValid()).isTrue();
        assertThat(VinCheck.isNorthAmerican(vin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JH4KA7565PC008269", "WVWZZZ3CZWE689725", "SALGA2EF0DA000001", "KNEJC524585810962"})
    void aVinFromOutsideNorthAmericaPassesWithAnyCheckDigit(String vin) {
        assertThat(VinCheck.checkDigit(vin)).isNotEqualTo(vin.charAt(8));
        assertThat(VinCheck.check(vin).isValid()).isTrue();
    }

    @ParameterizedTest(name = "{0}: position 9 is {1}, should be {2}")
    @CsvSource({
            "1HGCM82643A004352, 4, 3", // one digit of the Accord's check digit off
            "1HGCM82633A004353, 3, 5", // last serial digit mistyped: the check digit no longer fits
            "1M8GDM9A0KP042788, 0, X",
            "1XPTD40X0JD456115, 0, 6",
            "5YJSA1E14HF000000, 4, 6", // Tesla-shaped VIN made up with the wrong check digit
            "2HGES16575H591234, 7, 0", // Canada
            "3VWFE21C04M000002, 0, 2", // Mexico
            "4T1BF1FK5CU123456, 5, 0",
    })
    void aNorthAmericanVinWithAWrongCheckDigitFails(String vin, char actual, char expected) {
        VinCheck check = VinCheck.check(vin);

        assertThat(check.isValid()).isFalse();
        assertThat(check.problem()).hasValue("VIN '" + vin + "' has check digit '" + actual
                + "' at position 9 but its other characters give '" + expected + "'; North American VINs"
                + " (first character 1-5) must carry the right check digit, so one of its characters is"
                + " probably mistyped");
    }

    @ParameterizedTest
    @CsvSource({
            "1HGCM82633A004352, 3",
            "1M8GDM9AXKP042788, X",
            "11111111111111111, 1",
            "5YJSA1E14HF000000, 6",
    })
    void theCheckDigitFollowsIso3779(String vin, char expected) {
        assertThat(VinCheck.checkDigit(vin)).isEqualTo(expected);
    }

    @Test
    void checkDigitRejectsWhatIsNotAVin() {
        assertThatThrownBy(() -> VinCheck.checkDigit("1HGCM82633A00435"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VinCheck.checkDigit("1HGCM8263OA004352"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   \t", "\n"})
    void aBlankVinFails(String vin) {
        VinCheck check = VinCheck.check(vin);

        assertThat(check.problem()).hasValue("VIN is blank");
        assertThat(check.vin()).isEmpty();
    }

    @ParameterizedTest(name = "{0} has {1} characters")
    @CsvSource({
            "1HGCM82633A00435, 16",
            "1HGCM82633A0043521, 18",
            "JH4KA7561PC00826, 16",
            "1HGCM8263, 9",
    })
    void aVinOfTheWrongLengthFails(String vin, int length) {
        assertThat(VinCheck.check(vin).problem())
                .hasValue("VIN must have 17 characters, not " + length + ": '" + vin + "'");
    }

    @Test
    void aLongValueInTheVinFieldIsQuotedByItsBeginningOnly() {
        String pasted = "1HGCM82633A004352 ".repeat(500);

        assertThat(VinCheck.check(pasted).problem()).hasValueSatisfying(problem -> assertThat(problem)
                .isEqualTo("VIN must have 17 characters, not 8999: '1HGCM82633A004352 1HGCM82633A004352 1HGC…' (8,999 characters)"));
    }

    @ParameterizedTest(name = "{0}: {1} at position {2}")
    @CsvSource({
            "1HGCM82633AO04352, O, 12",  // O typed for the zero
            "1HGCM82633A0O4352, O, 13",
            "IHGCM82633A004352, I, 1",   // I typed for the one
            "1HGCM8Q633A004352, Q, 7",
            "jh4ka7561pc0o8269, O, 13",  // lower case is normalised first, the O is still an O
    })
    void theLettersIOAndQAreNeverAllowed(String vin, char letter, int position) {
        VinCheck check = VinCheck.check(vin);

        assertThat(check.isValid()).isFalse();
        assertThat(check.problem().orElseThrow())
                .contains("has the letter " + letter + " at position " + position)
                .contains("the letters I, O and Q are never used in a VIN");
    }

    @ParameterizedTest(name = "[{0}]: {1} at position {2}")
    @CsvSource(delimiter = '|', value = {
            "1HGCM-2633A004352|-|6",
            "'1HGCM 2633A004352'|' '|6",
            "1HGCM82633A00435*|*|17",
            "1HGCM82633A00435Ä|Ä|17",
    })
    void punctuationAndOtherCharactersFail(String vin, String character, int position) {
        assertThat(VinCheck.check(vin).problem().orElseThrow())
                .contains("has '" + character + "' at position " + position)
                .contains("only digits and the letters A-Z except I, O and Q");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1hgcm82633a004352", "  1HGCM82633A004352  ", "\t1hGcM82633a004352\n"})
    void lowerCaseAndSurroundingBlanksAreNormalisedBeforeTheCheck(String raw) {
        VinCheck check = VinCheck.check(raw);

        assertThat(check.isValid()).isTrue();
        assertThat(check.vin()).isEqualTo("1HGCM82633A004352");
    }

    @Test
    void aLowerCaseCheckDigitXIsTheCheckDigitX() {
        assertThat(VinCheck.check("1m8gdm9axkp042788").isValid()).isTrue();
    }

    @Test
    void theVinIsReportedNormalisedEvenWhenItFails() {
        VinCheck check = VinCheck.check(" 1hgcm82643a004352 ");

        assertThat(check.vin()).isEqualTo("1HGCM82643A004352");
        assertThat(check.problem().orElseThrow()).startsWith("VIN '1HGCM82643A004352' has check digit '4'");
    }
}
