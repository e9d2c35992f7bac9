package io.leasebridge.mapping.quickbooks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.leasebridge.mapping.MappingConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code config/mappings/quickbooks.yml}: the QuickBooks accounts, items and classes each posting uses, and
 * how LeaseWorks GL accounts map to QuickBooks accounts and classes. Ids come from the company's chart of
 * accounts; a typo in a setting name stops start-up.
 */
public record QuickBooksMapping(WorkOrderBill workOrderBill, AgentFeeBill agentFeeBill,
                                JournalEntry journalEntry, RecoveryCostBill recoveryCostBill, ResaleJournalEntry resaleJournalEntry) {

    /** @param expenseAccounts FleetRock line kind -> expense account id; {@code default} for other kinds */
    public record WorkOrderBill(Map<String, String> expenseAccounts, String taxAccount) {

        public String accountFor(String kind) {
            Map<String, String> byKind = expenseAccounts == null ? Map.of() : expenseAccounts;
            String upper = kind == null ? "" : kind.toUpperCase(Locale.ROOT);
            return byKind.entrySet().stream().filter(e -> e.getKey().toUpperCase(Locale.ROOT).equals(upper))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseGet(() -> byKind.get("default"));
        }
    }

    public record AgentFeeBill(String expenseAccount) {
    }

    /** @param expenseAccounts recovery cost type (TRANSPORT, STORAGE, ...) -> expense account id; {@code default} for other types */
    public record RecoveryCostBill(Map<String, String> expenseAccounts) {

        public String accountFor(String type) {
            Map<String, String> byType = expenseAccounts == null ? Map.of() : expenseAccounts;
            String upper = type == null ? "" : type.toUpperCase(Locale.ROOT);
            return byType.entrySet().stream().filter(e -> e.getKey().toUpperCase(Locale.ROOT).equals(upper))
                    .map(Map.Entry::getValue).findFirst()
                    .orElseGet(() -> byType.get("default"));
        }
    }

    /** @param accounts LeaseWorks GL account -> QuickBooks account (and class) */
    public record JournalEntry(Map<String, GlAccount> accounts) {

        public Optional<GlAccount> account(String glAccount) {
            return Optional.ofNullable(accounts == null ? null : accounts.get(glAccount));
        }
    }

    /**
     * @param kind   {@code receivable} or {@code payable} for an accounts receivable or payable account, whose journal
     *               lines QuickBooks refuses without a customer or vendor; null for any other account
     * @param entity the customer (receivable) or vendor (payable) its lines name
     */
    public record GlAccount(String account, @com.fasterxml.jackson.annotation.JsonProperty("class") String className, String kind,
                            Entity entity) {

        public GlAccount(String account, String className) {
            this(account, className, null, null);
        }

        /** {@code Customer} for a receivable account, {@code Vendor} for a payable one, else null. */
        public String entityType() {
            return kind == null ? null : ENTITY_OF_KIND.get(kind);
        }
    }

    /**
     * The accounts of the JournalEntry that settles a lease with the sale of its repossessed vehicle.
     *
     * @param proceeds               debited with the net sale proceeds (cash, or a proceeds clearing account)
     * @param leaseReceivable        credited with the payoff balance at recovery: the lease's receivable, settled
     * @param recoveryCostsRecovered credited with the recovery costs charged to the lessee (their Bills debited expenses)
     * @param deficiency             debited with what the lessee still owes after the sale
     * @param surplus                credited with what the sale brought in beyond what was owed, owed back to the lessee
     * @param vehicleInventory       credited with the vehicle's carrying value: it leaves the books
     * @param costOfVehiclesSold     debited with the same carrying value
     */
    public record ResaleJournalEntry(GlAccount proceeds, GlAccount leaseReceivable, GlAccount recoveryCostsRecovered,
                                     GlAccount deficiency, GlAccount surplus, GlAccount vehicleInventory,
                                     GlAccount costOfVehiclesSold) {

        Map<String, GlAccount> byName() {
            Map<String, GlAccount> accounts = new java.util.LinkedHashMap<>();
            accounts.put("proceeds", proceeds);
            accounts.put("lease-receivable", leaseReceivable);
            accounts.put("recovery-costs-recovered", recoveryCostsRecovered);
            accounts.put("deficiency", deficiency);
            accounts.put("surplus", surplus);
            accounts.put("vehicle-inventory", vehicleInventory);
            accounts.put("cost-of-vehicles-sold", costOfVehiclesSold);
            return accounts;
        }
    }

    /** A QuickBooks name a journal line carries: {@code type} Customer or Vendor, and its id. */
    public record Entity(String type, String id) {
    }

    private static final Map<String, String> ENTITY_OF_KIND = Map.of("receivable", "Customer", "payable", "Vendor");

    /** An A/R or A/P account without its customer or vendor would be refused by QuickBooks on every posting: refuse it now. */
    private static void checkEntities(String file, String section, Map<String, GlAccount> accounts) {
        accounts.forEach((gl, account) -> {
            if (account == null) {
                return;
            }
            String where = file + ": " + section + gl;
            if (account.kind() == null) {
                if (account.entity() != null) {
                    throw new MappingConfigException(where + ": an entity needs kind receivable or payable");
                }
                return;
            }
            String type = account.entityType();
            if (type == null) {
                throw new MappingConfigException(where + ".kind: '" + account.kind() + "' is neither receivable nor payable");
            }
            if (account.entity() == null || account.entity().id() == null || account.entity().id().isBlank()
                    || !type.equals(account.entity().type())) {
                throw new MappingConfigException(where + ": a " + account.kind() + " account needs entity: { type: " + type
                        + ", id: <QuickBooks " + type + " id> } (QuickBooks refuses its journal lines without one)");
            }
        });
    }

    public static QuickBooksMapping load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new MappingConfigException(file + ": " + e.getMessage());
        }
    }

    /** @param source where {@code in} comes from, for messages */
    public static QuickBooksMapping read(InputStream in, String source) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        QuickBooksMapping mapping;
        try {
            mapping = yaml.readValue(in, QuickBooksMapping.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new MappingConfigException(source + ": " + e.getMessage());
        }
        if (mapping.workOrderBill() == null || mapping.agentFeeBill() == null || mapping.journalEntry() == null
                || mapping.resaleJournalEntry() == null) {
            throw new MappingConfigException(source + ": needs work-order-bill, agent-fee-bill, journal-entry and resale-journal-entry");
        }
        checkEntities(source, "journal-entry.accounts.", mapping.journalEntry().accounts() == null ? Map.of()
                : mapping.journalEntry().accounts());
        if (mapping.resaleJournalEntry() != null) {
            checkEntities(source, "resale-journal-entry.", mapping.resaleJournalEntry().byName());
        }
        return mapping;
    }
}
