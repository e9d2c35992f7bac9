package io.leasebridge.reconcile;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DifferenceTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-30");

    @Test
    void aQuickBooksDocumentIsPostedAgainAndASalesforceRecordSentAgain() {
        Difference voided = new Difference("QuickBooks", "Bill", "RO-1002", DAY, Difference.Kind.VOIDED_IN_QUICKBOOKS, "voided");
        Difference deleted = new Difference("Salesforce", "Payment__c", "P-2", DAY, Difference.Kind.MISSING_IN_SALESFORCE, "deleted");

        assertThat(voided.mendable()).isTrue();
        assertThat(voided.mendLabel()).isEqualTo("Post again");
        assertThat(Difference.mended(voided.system())).isEqualTo("posted again");
        assertThat(deleted.mendLabel()).isEqualTo("Send again");
        assertThat(Difference.mended(deleted.system())).isEqualTo("sent again");
    }
}
