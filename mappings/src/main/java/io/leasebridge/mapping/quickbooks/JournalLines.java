package io.leasebridge.mapping.quickbooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * The lines of one JournalEntry, built in the one place that knows QuickBooks' rule for them: a line on an accounts
 * receivable or payable account names its customer or vendor. That name comes from the document's source (the
 * lease's customer, the work order's or cost's vendor) and, where the source has none, from the account in
 * quickbooks.yml; a line that gets neither is refused naming the document and the line, before QuickBooks answers
 * 400 for it.
 */
public final class JournalLines {

    private final String document;
    private final ArrayNode lines = JsonNodeFactory.instance.arrayNode();

    /** @param document the JournalEntry as messages name it, e.g. {@code JournalEntry GL-20260330} */
    public JournalLines(String document) {
        this.document = document;
    }

    /**
     * @param postingType {@code Debit} or {@code Credit}
     * @param fromSource  the customer or vendor the document's source names for this line, or null
     */
    public JournalLines add(String postingType, BigDecimal amount, String description, QuickBooksMapping.GlAccount account,
                            QuickBooksMapping.Entity fromSource) {
        QuickBooksMapping.Entity entity = entityOf(account, fromSource, postingType + " " + QuickBooksDocuments.money(amount));
        ObjectNode line = lines.addObject();
        line.put("Description", description);
        line.put("Amount", QuickBooksDocuments.money(amount));
        line.put("DetailType", "JournalEntryLineDetail");
        ObjectNode detail = line.putObject("JournalEntryLineDetail");
        detail.put("PostingType", postingType);
        detail.set("AccountRef", QuickBooksDocuments.ref(account.account()));
        if (entity != null) {
            ObjectNode named = detail.putObject("Entity");
            named.put("Type", entity.type());
            named.set("EntityRef", QuickBooksDocuments.ref(entity.id()));
        }
        if (account.className() != null && !account.className().isBlank()) {
            detail.set("ClassRef", QuickBooksDocuments.ref(account.className()));
        }
        return this;
    }

    public ArrayNode lines() {
        return lines;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    private QuickBooksMapping.Entity entityOf(QuickBooksMapping.GlAccount account, QuickBooksMapping.Entity fromSource, String what) {
        String needed = account.entityType();
        if (needed == null) {
            return named(fromSource) ? fromSource : null;
        }
        QuickBooksMapping.Entity entity = named(fromSource) ? fromSource : account.entity();
        if (named(entity) && needed.equals(entity.type())) {
            return entity;
        }
        int lineNo = lines.size() + 1;
        throw new PostingRefusedException("Line[" + lineNo + "].JournalEntryLineDetail.Entity", "MISSING_ENTITY", document + ", line "
                + lineNo + " (" + what + " on " + account.kind() + " account " + account.account() + "): QuickBooks needs a " + needed
                + " on it, and " + (named(entity) ? "it names a " + entity.type() + " (" + entity.id() + ")"
                : "neither its source nor the account in quickbooks.yml names one"));
    }

    private static boolean named(QuickBooksMapping.Entity entity) {
        return entity != null && entity.id() != null && !entity.id().isBlank() && entity.type() != null;
    }
}
