package io.leasebridge.mapping.quickbooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.leasebridge.mapping.quickbooks.QuickBooksMapping.Entity;
import io.leasebridge.mapping.quickbooks.QuickBooksMapping.GlAccount;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalLinesTest {

    private static final GlAccount CASH = new GlAccount("35", null);
    private static final GlAccount RECEIVABLE = new GlAccount("84", null, "receivable", null);
    private static final GlAccount PAYABLE = new GlAccount("86", null, "payable", new Entity("Vendor", "41"));

    @Test
    void aReceivableLineNamesTheCustomerOfItsSource() {
        JsonNode lines = new JournalLines("JournalEntry SALE-00012")
                .add("Debit", new BigDecimal("9400"), "proceeds", CASH, null)
                .add("Credit", new BigDecimal("9400"), "lease L-1001 settled", RECEIVABLE, new Entity("Customer", "117"))
                .lines();

        JsonNode detail = lines.get(1).path("JournalEntryLineDetail");
        assertThat(lines.get(1).path("Amount").decimalValue()).isEqualByComparingTo("9400.00");
        assertThat(detail.path("Entity").path("Type").asText()).isEqualTo("Customer");
        assertThat(detail.path("Entity").path("EntityRef").path("value").asText()).isEqualTo("117");
        assertThat(lines.get(0).path("JournalEntryLineDetail").has("Entity")).isFalse();
    }

    @Test
    void aPayableLineTakesItsSourcesVendorElseTheAccountsOwn() {
        JsonNode lines = new JournalLines("JournalEntry RC-a0B7")
                .add("Credit", new BigDecimal("125.50"), "tow", PAYABLE, new Entity("Vendor", "77"))
                .add("Credit", new BigDecimal("10.00"), "storage", PAYABLE, null)
                .lines();

        assertThat(lines.get(0).path("JournalEntryLineDetail").path("Entity").path("EntityRef").path("value").asText()).isEqualTo("77");
        assertThat(lines.get(1).path("JournalEntryLineDetail").path("Entity").path("EntityRef").path("value").asText()).isEqualTo("41");
    }

    @Test
    void aReceivableLineWithoutACustomerIsRefusedNamingTheDocumentAndTheLine() {
        JournalLines lines = new JournalLines("JournalEntry SALE-00012").add("Debit", new BigDecimal("9400"), "proceeds", CASH, null);

        assertThatThrownBy(() -> lines.add("Credit", new BigDecimal("9400"), "lease L-1001", RECEIVABLE, null))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> {
                    assertThat(e.code()).isEqualTo("MISSING_ENTITY");
                    assertThat(e.field()).isEqualTo("Line[2].JournalEntryLineDetail.Entity");
                    assertThat(e.getMessage()).isEqualTo("JournalEntry SALE-00012, line 2 (Credit 9400.00 on receivable account 84): "
                            + "QuickBooks needs a Customer on it, and neither its source nor the account in quickbooks.yml names one");
                });
        assertThat(lines.lines()).hasSize(1);
    }

    @Test
    void aVendorOnAReceivableLineIsRefused() {
        assertThatThrownBy(() -> new JournalLines("JournalEntry SALE-00012")
                .add("Credit", BigDecimal.ONE, "lease L-1001", RECEIVABLE, new Entity("Vendor", "77")))
                .isInstanceOfSatisfying(PostingRefusedException.class, e -> assertThat(e.getMessage())
                        .endsWith("QuickBooks needs a Customer on it, and it names a Vendor (77)"));
    }
}
