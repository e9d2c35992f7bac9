package io.leasebridge.mapping.quickbooks;

import io.leasebridge.mapping.ValueInReason;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leasebridge.model.GlSummaryLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

/**
 * Source records -> QuickBooks documents (Bill, JournalEntry JSON), with the deterministic
 * {@code requestid} and {@code DocNumber} that make each one findable again. A record that cannot be posted
 * as it is throws {@link PostingRefusedException} naming the field.
 */
public final class QuickBooksDocuments {

    /** QuickBooks' longest DocNumber. */
    static final int MAX_DOC_NUMBER = 21;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final QuickBooksMapping mapping;

    public QuickBooksDocuments(QuickBooksMapping mapping) {
        this.mapping = mapping;
    }

    /** An approved FleetRock repair order, as the hub holds it. */
    public record ApprovedWorkOrder(String roId, String roNumber, String vin, String vendorName, BigDecimal laborTotal,
                                    BigDecimal partTotal, BigDecimal taxTotal, BigDecimal grandTotal, String salesforceId,
                                    LocalDate approvedOn, List<WorkOrderLine> lines) {
    }

    public record WorkOrderLine(int lineNo, String kind, String description, BigDecimal amount) {
    }

    /** A Bill to the repair vendor: one expense line per work order line (or per total), plus tax. */
    public QuickBooksPosting workOrderBill(ApprovedWorkOrder wo) {
        require(wo.vendorName(), "vendor_name");
        String docNumber = docNumber(wo.roNumber(), "ro_number");
        BigDecimal grandTotal = positive(wo.grandTotal(), "grand_total");
        ArrayNode lines = NODES.arrayNode();
        BigDecimal sum = BigDecimal.ZERO;
        if (wo.lines() != null && !wo.lines().isEmpty()) {
            for (WorkOrderLine line : wo.lines()) {
                if (line.amount() == null || line.amount().signum() == 0) {
                    continue;
                }
                lines.add(expenseLine(line.description(), line.amount(), account(line.kind())));
                sum = sum.add(line.amount());
            }
        } else {
            sum = sum.add(totalLine(lines, "Labor", wo.laborTotal(), account("LABOR")));
            sum = sum.add(totalLine(lines, "Parts", wo.partTotal(), account("PART")));
        }
        if (wo.taxTotal() != null && wo.taxTotal().signum() != 0) {
            String taxAccount = mapping.workOrderBill().taxAccount() != null ? mapping.workOrderBill().taxAccount() : account("TAX");
            lines.add(expenseLine("Tax", wo.taxTotal(), taxAccount));
            sum = sum.add(wo.taxTotal());
        }
        if (sum.compareTo(grandTotal) != 0) {
            throw new PostingRefusedException("grand_total", "TOTAL_MISMATCH", "repair order " + wo.roNumber() + ": lines and tax add up to "
                    + money(sum) + " but grand_total is " + money(grandTotal));
        }
        ObjectNode bill = NODES.objectNode();
        bill.put("DocNumber", docNumber);
        bill.put("TxnDate", wo.approvedOn().toString());
        bill.put("PrivateNote", note("Salesforce WorkOrder " + nullToDash(wo.salesforceId()) + "; FleetRock RO " + wo.roId()
                + (wo.vin() == null ? "" : "; VIN " + wo.vin())));
        bill.set("Line", lines);
        return new QuickBooksPosting(PostingType.WORK_ORDER_BILL, requestId("wo-", wo.roId(), "-bill"), wo.roId(), docNumber,
                wo.approvedOn(), money(grandTotal), wo.vendorName().trim(), bill);
    }

    /** A Bill to the repo agent for the fee recorded on the case. */
    public QuickBooksPosting agentFeeBill(String caseId, String caseNumber, String agentName, BigDecimal fee, LocalDate txnDate) {
        require(agentName, "agent_name");
        BigDecimal amount = positive(fee, "agent_fee");
        String docNumber = docNumber("FEE-" + caseKey(caseId, caseNumber), "case_number");
        ObjectNode bill = NODES.objectNode();
        bill.put("DocNumber", docNumber);
        bill.put("TxnDate", txnDate.toString());
        bill.put("PrivateNote", note("Salesforce Case " + caseId + " (" + nullToDash(caseNumber) + "): repossession fee"));
        bill.set("Line", NODES.arrayNode().add(expenseLine("Repossession fee, case " + caseKey(caseId, caseNumber), amount,
                requireMapped(mapping.agentFeeBill().expenseAccount(), "agent-fee-bill.expense-account"))));
        return new QuickBooksPosting(PostingType.AGENT_FEE_BILL, requestId("case-", caseId, "-fee"), caseId, docNumber, txnDate,
                money(amount), agentName.trim(), bill);
    }

    /**
     * A Bill to the vendor of one recovery cost entered on a case (Recovery_Cost__c), on the expense account of its
     * type. Its DocNumber is LeaseBridge's ({@code RC-} and the record's id), not the vendor's invoice number: two vendors
     * may number alike, and a DocNumber is how a retry finds the Bill it may already have made. The invoice number is in
     * the line and the note.
     */
    public QuickBooksPosting recoveryCostBill(String costId, String caseId, String caseNumber, String type, String vendor,
                                              BigDecimal amount, LocalDate costDate, String invoice) {
        require(vendor, "Vendor__c");
        BigDecimal positive = positive(amount, "Amount__c");
        if (costDate == null) {
            throw new PostingRefusedException("Cost_Date__c", "MISSING_VALUE", "recovery cost " + costId + " has no Cost_Date__c");
        }
        String docNumber = docNumber("RC-" + costId, "Id");
        String invoiceNote = invoice == null || invoice.isBlank() ? "" : ", invoice " + invoice.strip();
        String account = requireMapped(mapping.recoveryCostBill() == null ? null : mapping.recoveryCostBill().accountFor(type),
                "recovery-cost-bill.expense-accounts." + type);
        ObjectNode bill = NODES.objectNode();
        bill.put("DocNumber", docNumber);
        bill.put("TxnDate", costDate.toString());
        bill.put("PrivateNote", note("Salesforce Recovery_Cost__c " + costId + "; repossession case " + caseKey(caseId, caseNumber)
                + invoiceNote));
        bill.set("Line", NODES.arrayNode().add(expenseLine(type + invoiceNote + ", repossession case " + caseKey(caseId, caseNumber), positive,
                account)));
        return new QuickBooksPosting(PostingType.RECOVERY_COST_BILL, requestId("cost-", costId, "-bill"), costId, docNumber, costDate,
                money(positive), vendor.trim(), bill);
    }

    /**
     * A vehicle sold out of a repossession case, with the final account review of its case.
     *
     * @param payoffAtRecovery the lease's receivable when the vehicle was recovered
     * @param totalCosts       the recovery costs charged to the lessee
     * @param netProceeds      what the buyer paid
     * @param deficiency       what the lessee still owes after the sale (zero, or the surplus is)
     * @param surplus          what is owed back to the lessee
     * @param carryingValue    what the vehicle stood in the books at, {@code null} or zero when nothing
     */
    public record Resale(String caseId, String caseNumber, String leaseId, String vin, LocalDate saleDate, String buyer,
                         BigDecimal payoffAtRecovery, BigDecimal totalCosts, BigDecimal netProceeds, BigDecimal deficiency,
                         BigDecimal surplus, BigDecimal carryingValue) {
    }

    /**
     * The JournalEntry that settles a lease with the sale of its repossessed vehicle, balanced to the cent: the proceeds
     * debited, the lease's receivable (the payoff at recovery) and the recovery costs charged to the lessee credited, the
     * deficiency debited to the lessee or the surplus credited as owed back, and the vehicle's carrying value moved out of
     * inventory. A SalesReceipt cannot say this: it books the whole price as income and leaves the receivable open.
     */
    public QuickBooksPosting resaleJournalEntry(Resale sale) {
        String caseKey = caseKey(sale.caseId(), sale.caseNumber());
        if (sale.saleDate() == null) {
            throw new PostingRefusedException("sale_date", "MISSING_VALUE", "sale of case " + caseKey + " has no sale_date");
        }
        if (sale.payoffAtRecovery() == null || sale.netProceeds() == null) {
            throw new PostingRefusedException("repo_review", "NO_FINAL_REVIEW", "sale of case " + caseKey
                    + " has no final account review recorded: the lease is settled in QuickBooks once it is");
        }
        BigDecimal proceeds = positive(sale.netProceeds(), "net_proceeds");
        QuickBooksMapping.ResaleJournalEntry accounts = mapping.resaleJournalEntry();
        if (accounts == null) {
            throw new PostingRefusedException("resale-journal-entry", "UNMAPPED_ACCOUNT", "resale-journal-entry is not set in quickbooks.yml");
        }
        String about = " of VIN " + nullToDash(sale.vin()) + ", lease " + nullToDash(sale.leaseId()) + ", repossession case " + caseKey;
        String docNumber = docNumber("RESALE-" + caseKey, "case_number");
        JournalLines lines = new JournalLines("JournalEntry " + docNumber + " (sale of case " + caseKey + ")");
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        debits = debits.add(resaleLine(lines, "Debit", proceeds, accounts.proceeds(), "proceeds", "Net sale proceeds" + about));
        debits = debits.add(resaleLine(lines, "Debit", sale.deficiency(), accounts.deficiency(), "deficiency",
                "Deficiency owed by the lessee" + about));
        credits = credits.add(resaleLine(lines, "Credit", sale.payoffAtRecovery(), accounts.leaseReceivable(), "lease-receivable",
                "Lease receivable settled (payoff at recovery)" + about));
        credits = credits.add(resaleLine(lines, "Credit", sale.totalCosts(), accounts.recoveryCostsRecovered(), "recovery-costs-recovered",
                "Recovery costs charged to the lessee" + about));
        credits = credits.add(resaleLine(lines, "Credit", sale.surplus(), accounts.surplus(), "surplus", "Surplus owed to the lessee" + about));
        debits = debits.add(resaleLine(lines, "Debit", sale.carryingValue(), accounts.costOfVehiclesSold(), "cost-of-vehicles-sold",
                "Carrying value of the vehicle sold" + about));
        credits = credits.add(resaleLine(lines, "Credit", sale.carryingValue(), accounts.vehicleInventory(), "vehicle-inventory",
                "Vehicle removed from repossessed inventory" + about));
        if (debits.compareTo(credits) != 0) {
            throw new PostingRefusedException("deficiency, surplus", "UNBALANCED_RESALE", "sale of case " + caseKey + " does not balance: debits "
                    + money(debits) + ", credits " + money(credits) + " (its final account review and its amounts disagree)");
        }
        ObjectNode entry = NODES.objectNode();
        entry.put("DocNumber", docNumber);
        entry.put("TxnDate", sale.saleDate().toString());
        entry.put("PrivateNote", note("Salesforce Case " + sale.caseId() + "; VIN " + nullToDash(sale.vin())
                + (sale.buyer() == null ? "" : "; buyer " + sale.buyer())));
        entry.set("Line", lines.lines());
        return new QuickBooksPosting(PostingType.RESALE_JOURNAL_ENTRY, requestId("case-", sale.caseId(), "-resale"), sale.caseId(),
                docNumber, sale.saleDate(), money(debits), null, entry);
    }

    /** Adds a line of a resale when its amount is not zero; returns the amount it added. */
    private BigDecimal resaleLine(JournalLines lines, String postingType, BigDecimal amount, QuickBooksMapping.GlAccount account,
                                  String setting, String description) {
        if (amount == null || amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (amount.signum() < 0) {
            throw new PostingRefusedException(setting, "INVALID_AMOUNT", description + ": " + money(amount) + " is below zero");
        }
        if (account == null || account.account() == null || account.account().isBlank()) {
            throw new PostingRefusedException("resale-journal-entry." + setting, "UNMAPPED_ACCOUNT",
                    "resale-journal-entry." + setting + " is not set in quickbooks.yml");
        }
        lines.add(postingType, amount, description, account, null);
        return money(amount);
    }

    /** One balanced JournalEntry for a day of LeaseWorks' GL summary; an unbalanced day is refused with both totals. */
    public QuickBooksPosting journalEntry(LocalDate day, List<GlSummaryLine> lines) {
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        String docNumber = "GL-" + day.format(DateTimeFormatter.BASIC_ISO_DATE);
        // a GL summary line is a day's total over many leases: its customer or vendor is the one its account names
        JournalLines jeLines = new JournalLines("JournalEntry " + docNumber + " (GL day " + day + ")");
        for (GlSummaryLine line : lines) {
            QuickBooksMapping.GlAccount account = mapping.journalEntry().account(line.glAccount())
                    .orElseThrow(() -> new PostingRefusedException("gl_account", "UNMAPPED_GL_ACCOUNT", "GL day " + day + ": GL account '"
                            + line.glAccount() + "' has no QuickBooks account in journal-entry.accounts of quickbooks.yml"));
            String description = line.memo() == null ? "GL " + line.glAccount() : line.memo();
            if (line.debit() != null && line.debit().signum() != 0) {
                jeLines.add("Debit", line.debit(), description, account, null);
                debits = debits.add(line.debit());
            }
            if (line.credit() != null && line.credit().signum() != 0) {
                jeLines.add("Credit", line.credit(), description, account, null);
                credits = credits.add(line.credit());
            }
        }
        if (debits.compareTo(credits) != 0) {
            throw new PostingRefusedException("debit, credit", "UNBALANCED_GL_DAY", "GL day " + day + " is unbalanced: debits "
                    + money(debits) + ", credits " + money(credits) + " (difference " + money(debits.subtract(credits)) + ")");
        }
        if (jeLines.isEmpty()) {
            throw new PostingRefusedException("debit, credit", "EMPTY_GL_DAY", "GL day " + day + " has no amounts");
        }
        ObjectNode entry = NODES.objectNode();
        entry.put("DocNumber", docNumber);
        entry.put("TxnDate", day.toString());
        entry.put("PrivateNote", "LeaseWorks GL summary " + day);
        entry.set("Line", jeLines.lines());
        return new QuickBooksPosting(PostingType.JOURNAL_ENTRY, "gl-" + day + "-je", "gl-" + day, docNumber, day, money(debits), null, entry);
    }

    private static BigDecimal totalLine(ArrayNode lines, String what, BigDecimal amount, String account) {
        if (amount == null || amount.signum() == 0) {
            return BigDecimal.ZERO;
        }
        lines.add(expenseLine(what, amount, account));
        return amount;
    }

    private static ObjectNode expenseLine(String description, BigDecimal amount, String account) {
        ObjectNode line = NODES.objectNode();
        if (description != null) {
            line.put("Description", description.length() > 4000 ? description.substring(0, 4000) : description);
        }
        line.put("Amount", money(amount));
        line.put("DetailType", "AccountBasedExpenseLineDetail");
        line.putObject("AccountBasedExpenseLineDetail").set("AccountRef", ref(account));
        return line;
    }

    private String account(String kind) {
        return requireMapped(mapping.workOrderBill().accountFor(kind), "work-order-bill.expense-accounts." + kind);
    }

    static ObjectNode ref(String value) {
        return NODES.objectNode().put("value", value);
    }

    /** {@code prefix + key + suffix}, or a hash of the key when that would pass QuickBooks' 50 characters. */
    static String requestId(String prefix, String key, String suffix) {
        String plain = prefix + key + suffix;
        if (plain.length() <= QuickBooksPosting.MAX_REQUEST_ID) {
            return plain;
        }
        return prefix + sha256(key).substring(0, QuickBooksPosting.MAX_REQUEST_ID - prefix.length() - suffix.length()) + suffix;
    }

    private static String docNumber(String value, String field) {
        require(value, field);
        if (value.length() > MAX_DOC_NUMBER) {
            throw new PostingRefusedException(field, "DOC_NUMBER_TOO_LONG", ValueInReason.quoted(value) + " is longer than QuickBooks' "
                    + MAX_DOC_NUMBER + "-character DocNumber");
        }
        return value;
    }

    private static String caseKey(String caseId, String caseNumber) {
        return caseNumber == null || caseNumber.isBlank() ? caseId : caseNumber;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new PostingRefusedException(field, "MISSING_VALUE", field + " is blank");
        }
    }

    private static String requireMapped(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new PostingRefusedException(setting, "UNMAPPED_ACCOUNT", setting + " is not set in quickbooks.yml");
        }
        return value;
    }

    private static BigDecimal positive(BigDecimal amount, String field) {
        if (amount == null || amount.signum() <= 0) {
            throw new PostingRefusedException(field, "INVALID_AMOUNT", field + " must be a positive amount, not " + amount);
        }
        return amount;
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static String note(String note) {
        return note.length() > 4000 ? note.substring(0, 4000) : note;
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
