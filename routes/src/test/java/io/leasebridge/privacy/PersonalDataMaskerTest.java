package io.leasebridge.privacy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskerTest {

    private final PersonalDataMasker masker = PersonalDataMasker.standard();

    private String mask(String text) {
        return masker.mask(text);
    }

    @Nested
    class SocialSecurityNumbers {

        @Test
        void aFormattedSsnKeepsItsLastFourDigitsAnywhere() {
            assertThat(mask("customer 123-45-6789 called")).isEqualTo("customer ***-**-6789 called");
            assertThat(mask("C-1,Ann Lee,912-34-5678,(312) 555-0100")).contains(",***-**-5678,");
            assertThat(mask("customer 234 56 7890 called")).isEqualTo("customer *** ** 7890 called");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "SSN 123456789|SSN *****6789",
                "ssn: 123456789|ssn: *****6789",
                "SSN#123456789|SSN#*****6789",
                "social security number 123 45 6789|social security number *** ** 6789",
                "ssn=123456789|ssn=*****6789",
                "{\"ssn\":\"123456789\"}|{\"ssn\":\"*****6789\"}"})
        void nineBareDigitsAreAnSsnAfterALabel(String text, String masked) {
            assertThat(mask(text)).isEqualTo(masked);
        }

        @Test
        void nineBareDigitsWithoutALabelAreLeftAlone() {
            assertThat(mask("batch 123456789 done")).isEqualTo("batch 123456789 done");
        }
    }

    @Nested
    class CardNumbers {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "card 4242424242424242 declined|card ************4242 declined",
                "card 4242 4242 4242 4242 declined|card ************4242 declined",
                "card 4242-4242-4242-4242|card ************4242",
                "amex 3782 822463 10005|amex ***********0005",
                "mc 5555555555554444.|mc ************4444.",
                "discover 6011111111111117|discover ************1117",
                "visa13 4222222222222|visa13 *********2222",
                "card4012888888881881 on file|card************1881 on file",
                "paid with4012888888881881|paid with************1881"})
        void aLuhnValidCardNumberKeepsItsLastFourDigits(String text, String masked) {
            assertThat(mask(text)).isEqualTo(masked);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "card 4242424242424241",          // Luhn fails
                "issued_at 1764201600000",        // epoch millis: no card starts with 1
                "order 42424242424242424242424",  // too long
                "4242 4242 4242"})                // too short
        void otherLongNumbersAreNotCards(String text) {
            assertThat(mask(text)).isEqualTo(text);
        }
    }

    @Nested
    class BankAccounts {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "account 123456789|account *****6789",
                "Account Number: 000123456789|Account Number: ********6789",
                "bank account #12345678|bank account #****5678",
                "acct 98765432 closed|acct ****5432 closed",
                "routing number 021000021|routing number *****0021",
                "ABA: 021000021|ABA: *****0021",
                "{\"routingNumber\":\"021000021\",\"accountNumber\":\"12345678\"}|{\"routingNumber\":\"*****0021\",\"accountNumber\":\"****5678\"}"})
        void aLabelledAccountOrRoutingNumberKeepsItsLastFourDigits(String text, String masked) {
            assertThat(mask(text)).isEqualTo(masked);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "leaseworks-accounts: accounts_20261127.csv done: 300 rows read",
                "account L-000123 is 31 days past due",
                "account 2026-03-01",
                "account 42",
                "300 accounts, 1,234.56 past due"})
        void lessorWordsAboutAccountsAreLeftAlone(String text) {
            assertThat(mask(text)).isEqualTo(text);
        }
    }

    @Nested
    class DriversLicences {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "DL A123-4567-8901|DL ****-****-8901",
                "DL# D1234567|DL# ****4567",
                "DL12345678|DL****5678",
                "driver's license: S530-4608-1234|driver's license: ****-****-1234",
                "Drivers Licence No. 123456789|Drivers Licence No. *****6789",
                "license number X99887766|license number *****7766",
                "{\"Driver License\":\"A123-4567-8901\"}|{\"Driver License\":\"****-****-8901\"}",
                "driverLicense=B765-4321-0000|driverLicense=****-****-0000"})
        void aLabelledLicenceNumberKeepsItsLastFourCharacters(String text, String masked) {
            assertThat(mask(text)).isEqualTo(masked);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Licensed under the Apache License 2.0", "DLQ depth 12", "download 1234 rows",
                "license key ABCD"})
        void licenceWordsWithoutANumberAreLeftAlone(String text) {
            assertThat(mask(text)).isEqualTo(text);
        }
    }

    @Nested
    class PhoneNumbers {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "call (312) 555-0100 today|call (***) ***-0100 today",
                "call 312-555-0101|call ***-***-0101",
                "call 312.555.0102|call ***.***.0102",
                "call +1 312 555 0100|call +* *** *** 0100",
                "call +1-312-555-0100|call +*-***-***-0100",
                "call 1-800-555-0199|call *-***-***-0199",
                "call 3125550100.|call ******0100.",
                "call +13125550100|call +*******0100",
                "from (713)555-0142,|from (***)***-0142,"})
        void aUsPhoneNumberKeepsItsLastFourDigits(String text, String masked) {
            assertThat(mask(text)).isEqualTo(masked);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "issued_at 1764201600",      // epoch seconds: area codes do not start with 1
                "paid 2345678901.50",        // an amount
                "L-2125550100",              // inside an id
                "2026-03-01 10:15:30",
                "10.212.200.1000"})
        void numbersThatAreNotPhonesAreLeftAlone(String text) {
            assertThat(mask(text)).isEqualTo(text);
        }
    }

    @Nested
    class EmailAddresses {

        @Test
        void theMailboxIsMaskedAndTheDomainKept() {
            assertThat(mask("sent to maria.garcia42@example.com, cc j+x@mail.example.co.uk"))
                    .isEqualTo("sent to ****@example.com, cc ****@mail.example.co.uk");
        }

        @Test
        void objectIdentitiesAreNotAddresses() {
            assertThat(mask("java.lang.Object@6d06d69c")).isEqualTo("java.lang.Object@6d06d69c");
        }
    }

    @Nested
    class Secrets {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "password=hunter2|password=****",
                "passwd=hunter2 user=ann|passwd=**** user=ann",
                "login failed, password: hunter2|login failed, password: ****",
                "client_secret=abc123&client_id=3MVG9x|client_secret=****&client_id=3MVG9x",
                "grant_type=password&client_id=x&client_secret=s3cr3t&username=u%40x.io&password=p%40ss|grant_type=password&client_id=x&client_secret=****&username=u%40x.io&password=****",
                "{\"access_token\":\"00Dxx0000001gPL!AQ4AQ.abc\",\"token_type\":\"Bearer\"}|{\"access_token\":\"****\",\"token_type\":\"Bearer\"}",
                "{\"refresh_token\": \"5Aep861\", \"instance_url\": \"https://x\"}|{\"refresh_token\": \"****\", \"instance_url\": \"https://x\"}",
                "Authorization: Bearer 00D5e000000abcd!ARoAQ.xyz|Authorization: Bearer ****",
                "Authorization: Basic dXNlcjpwYXNz|Authorization: Basic ****",
                "X-Api-Key: 12345-abcde|X-Api-Key: ****",
                "api_key=k-123|api_key=****",
                "GET /API/GetToken?username=lessor&key=f00dbabe|GET /API/GetToken?username=lessor&key=****",
                "SalesforceLoginConfig[clientSecret='abc', password=hunter2']|SalesforceLoginConfig[clientSecret='****', password=****']",
                "User[name=operator, passwordHash={bcrypt}$2a$10$ciryvH.x/y, roles=[OPERATOR]]|User[name=****, passwordHash=****, roles=[OPERATOR]]",
                "camel.component.salesforce.password=sandbox-password|camel.component.salesforce.password=****",
                "SALESFORCE_CLIENT_SECRET=abc|SALESFORCE_CLIENT_SECRET=****",
                "java -jar lb.jar --camel.component.salesforce.password=pw --x=1|java -jar lb.jar --camel.component.salesforce.password=**** --x=1",
                "'secret': 'x y'|'secret': '****'"})
        void aSecretValueIsReplacedWholly(String text, String masked) {
            assertThat(mask(text)).isEqualTo(masked);
        }

        @Test
        void bareTokensAreReplacedWholly() {
            assertThat(mask("sent Bearer abcdefghijklmnop.qrs")).isEqualTo("sent Bearer ****");
            assertThat(mask("jwt eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl end")).isEqualTo("jwt **** end");
            assertThat(mask("revoke 00D000000000001AAA!AQ3f9c0a1b2c3d4e5f60718293a4b5c6d7 failed"))
                    .isEqualTo("revoke **** failed");
            assertThat(mask("sftp://lessor:s3cret@sftp.example.com:22/exports"))
                    .isEqualTo("sftp://lessor:****@sftp.example.com:22/exports");
        }

        @Test
        void camelSalesforcesLoginConfigurationAtDebugShowsNoSecret() {
            assertThat(mask("Created login configuration: SalesforceLoginConfig[instanceUrl= 'null', loginUrl='http://localhost:4',"
                    + "clientId='sandbox-client', clientSecret='********', refreshToken='5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJ', "
                    + "userName='integration@sandbox.leasebridge.io', password=********', keystore=********', audience='null',, lazyLogin=false]"))
                    .isEqualTo("Created login configuration: SalesforceLoginConfig[instanceUrl= 'null', loginUrl='http://localhost:4',"
                            + "clientId='sandbox-client', clientSecret='****', refreshToken='****', "
                            + "userName='****@sandbox.leasebridge.io', password=****', keystore=********', audience='null',, lazyLogin=false]");
        }

        @Test
        void aSecretInsideAnotherValueIsStillFound() {
            assertThat(mask("{\"reason\":\"login failed for password=hunter2\"}"))
                    .isEqualTo("{\"reason\":\"login failed for password=****\"}");
            assertThat(mask("{\"note\":\"password: hunter2\"}")).isEqualTo("{\"note\":\"password: ****\"}");
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "token_type=Bearer", "tokenUrl=https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer",
                "idempotentKey=$simple{file:name}-$simple{file:size}", "the token expired",
                "Bearer token", "\"password\":\"\"", "{\"credentials\": {\"user\": \"a\"}}"})
        void wordsNearSecretsThatAreNotSecretsAreLeftAlone(String text) {
            assertThat(mask(text)).isEqualTo(text);
        }
    }

    @Nested
    class PersonalFields {

        @Test
        void standardFieldsAreMaskedWhollyAsKeyValueAndJson() {
            assertThat(mask("Customer[customerId=C-1, name=Mary Ann Smith, street=100 Oak St, city=Chicago]"))
                    .isEqualTo("Customer[customerId=C-1, name=****, street=****, city=Chicago]");
            assertThat(mask("{\"Name\":\"Mary Smith\",\"PersonEmail\":\"m@x.io\",\"Lease__c\":\"L-000123\"}"))
                    .isEqualTo("{\"Name\":\"****\",\"PersonEmail\":\"****\",\"Lease__c\":\"L-000123\"}");
            assertThat(mask("{\"Customer Name\": \"Søren Müller\"}")).isEqualTo("{\"Customer Name\": \"****\"}");
        }

        @Test
        void configuredFieldsAreMaskedToo() {
            PersonalDataMasker configured = new PersonalDataMasker(List.of("Co-Lessee", "garaging_address"));
            assertThat(configured.mask("coLessee=Ann Lee; GaragingAddress=\"12 Elm St\"; name=Bo"))
                    .isEqualTo("coLessee=****; GaragingAddress=\"****\"; name=Bo");
            assertThat(PersonalDataMasker.standard().withPersonalFields(List.of("coLessee")).mask("name=Bo, coLessee=Ann"))
                    .isEqualTo("name=****, coLessee=****");
        }

        @Test
        void aFieldNameInProseIsNotALabel() {
            assertThat(mask("route name: leaseworks-accounts-ingest")).isEqualTo("route name: leaseworks-accounts-ingest");
        }
    }

    @Nested
    class WhatIsNeverMasked {

        @ParameterizedTest
        @ValueSource(strings = {
                "next due 2026-03-01, paid 1,234.56 of $12,345.67",
                "at 2026-03-01T10:15:30.123Z and 2026-03-01T10:15:30-06:00",
                "lease L-000123 for customer C-000045, payment P-0000123456",
                "VIN 1HGCM82633A004352 and 5YJ3E1EA7KF317000",
                "Started leaseworks-accounts-ingest (file:///tmp/inbox?include=accounts.*\\.csv)",
                "salesforce-outbox-drain: 1000 sent in 5 calls, api-usage=25/15000",
                "Apache Camel 4.17.0 (leasebridge) started in 1s345ms (build:0ms init:0ms start:1s345ms boot:2s100ms)",
                "HikariPool-1 - Added connection conn0: url=jdbc:h2:file:/tmp/hub user=SA",
                "run 42 of flow promise-judgement: 17 leases with open promises, 103 ledger events",
                "12/31/2026 and 03/01/2026 10:15:30",
                "550e8400-e29b-41d4-a716-446655440000",
                "Tomcat started on port 8080 (http) with context path '/'"})
        void operatorFactsStayReadable(String text) {
            assertThat(mask(text)).isSameAs(text);
        }

        @Test
        void nothingToMaskGivesTheSameInstance() {
            String text = "a line without anything personal";
            assertThat(mask(text)).isSameAs(text);
            assertThat(mask(null)).isNull();
            assertThat(mask("")).isEmpty();
        }
    }

    @Nested
    class OneFieldsValue {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Customer Name|Mary Ann Smith|****",
                "customer_name|Søren Müller|****",
                "Email|ann@example.com|****",
                "Client Secret|s3cr3t|****",
                "Authorization|Bearer abcdefghijklmnop|****",
                "SSN|123456789|*****6789",
                "Social Security|123-45-6789|***-**-6789",
                "Driver License|D1234567|****4567",
                "Routing Number|021000021|*****0021",
                "Notes|called 312-555-0100 about ssn 123456789|called ***-***-0100 about ssn *****6789",
                "Contract Number|L-4|L-4",
                "Amount|1,234.56|1,234.56",
                "City|Chicago|Chicago"})
        void isMaskedByItsNameAndByWhatItsTextHolds(String field, String value, String masked) {
            assertThat(masker.maskValue(field, value)).isEqualTo(masked);
        }

        @Test
        void nothingToMaskGivesTheSameInstance() {
            String value = "12/15/2026";
            assertThat(masker.maskValue("Next Due Date", value)).isSameAs(value);
            assertThat(masker.maskValue("Customer Name", "")).isEmpty();
            assertThat(masker.maskValue("Customer Name", null)).isNull();
        }

        @Test
        void configuredPersonalFieldsAreMaskedToo() {
            PersonalDataMasker configured = new PersonalDataMasker(List.of("Co-Lessee"));
            assertThat(configured.maskValue("co_lessee", "Ann Lee")).isEqualTo(PersonalDataMasker.MASK);
        }
    }

    @Test
    void aStackTraceIsMaskedLineByLine() {
        String trace = """
                java.lang.IllegalStateException: cannot log in as ann@example.com with password=hunter2
                \tat io.leasebridge.Foo.bar(Foo.java:123) ~[classes/:na]
                Caused by: java.io.IOException: customer 912-34-5678 at (312) 555-0100
                \t... 3 common frames omitted
                """;
        assertThat(mask(trace)).isEqualTo("""
                java.lang.IllegalStateException: cannot log in as ****@example.com with password=****
                \tat io.leasebridge.Foo.bar(Foo.java:123) ~[classes/:na]
                Caused by: java.io.IOException: customer ***-**-5678 at (***) ***-0100
                \t... 3 common frames omitted
                """);
    }

    @Test
    void secretKeyNamesAreRecognisedHoweverTheyAreWritten() {
        assertThat(List.of("camel.component.salesforce.password", "client-secret", "clientSecret", "ACCESS_TOKEN",
                "x-api-key", "key", "password-hash", "intuit-signature"))
                .allMatch(PersonalDataMasker::isSecretName);
        assertThat(List.of("token-url", "user-name", "login-url", "idempotentKey", "client-id", "key-store-type"))
                .noneMatch(PersonalDataMasker::isSecretName);
    }
}
