package io.leasebridge.repo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.leasebridge.repo.RepoStatus.CANCELLED;
import static io.leasebridge.repo.RepoStatus.CLOSED;
import static io.leasebridge.repo.RepoStatus.INSPECTED;
import static io.leasebridge.repo.RepoStatus.INVENTORY;
import static io.leasebridge.repo.RepoStatus.IN_REPAIR;
import static io.leasebridge.repo.RepoStatus.ORDERED;
import static io.leasebridge.repo.RepoStatus.PENDING;
import static io.leasebridge.repo.RepoStatus.RECOVERED;
import static io.leasebridge.repo.RepoStatus.REINSTATED;
import static io.leasebridge.repo.RepoStatus.REQUESTED;
import static io.leasebridge.repo.RepoStatus.SOLD;
import static io.leasebridge.repo.RepoStatus.UNRECOVERABLE;

/**
 * The repossession workflow: which status changes of a Repossession Case are steps, what each
 * step needs from the Case, and what entering a state makes LeaseBridge do. Pure: it decides, the caller
 * applies (disposition, repo order, sale record) and writes refusals back to the Case.
 *
 * <p>The steps:
 * <pre>
 * REQUESTED -> PENDING -> ORDERED -> RECOVERED -> INSPECTED -> IN_REPAIR -> INVENTORY -> SOLD -> CLOSED
 *                                                 INSPECTED -> INVENTORY     (nothing to repair)
 *              PENDING -> RECOVERED                  (a voluntary return: the lessee drops the vehicle off)
 * REQUESTED, PENDING, ORDERED -> CANCELLED   (lessee paid or redeemed before the vehicle was taken)
 * ORDERED -> UNRECOVERABLE                   (the agent could not find the vehicle)
 * ORDERED, RECOVERED, INSPECTED, INVENTORY -> REINSTATED   (another chance: the lease is brought current)
 * </pre>
 * Once the vehicle is recovered the lessor owns the problem of selling it, so CANCELLED is no longer an
 * exit: the case ends SOLD then CLOSED, unless the lessee gets another chance: REINSTATED, when the last
 * LeaseWorks export shows the lease current (0 days past due) or a rep gives a reason, puts the vehicle back on
 * its lease (disposition ACTIVE). Only an involuntary repossession is ordered from an agent; a voluntary
 * return needs no agent and goes from PENDING to RECOVERED with the drop-off date and place. CLOSED, CANCELLED, UNRECOVERABLE and REINSTATED are final. A new case starts in
 * REQUESTED, or in PENDING when the rep has already decided to repossess. A vehicle goes to INVENTORY only in
 * sellable condition: not while a FleetRock repair order on it is unfinished, unless a rep overrides with a reason.
 * A vehicle is sold only with its title RECEIVED ({@code Vehicle__c.Title_Status__c}), and the sale transfers it.
 */
public final class RepoWorkflow {

    private static final Map<RepoStatus, Set<RepoStatus>> NEXT = steps();
    private static final Set<RepoStatus> STARTS = Collections.unmodifiableSet(EnumSet.of(REQUESTED, PENDING));
    private static final Set<RepoStatus> VEHICLE_RECOVERED =
            Collections.unmodifiableSet(EnumSet.of(RECOVERED, INSPECTED, IN_REPAIR, INVENTORY, SOLD));
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final Optional<String> defaultAgentEmail;

    /** A workflow without a default agent: every Case must name its agent before ORDERED. */
    public RepoWorkflow() {
        this(null);
    }

    /**
     * @param defaultAgentEmail the agent a repo order goes to when the Case names none; {@code null} or
     *                          blank for no default
     * @throws IllegalArgumentException when the configured default is not an email address
     */
    public RepoWorkflow(String defaultAgentEmail) {
        if (defaultAgentEmail == null || defaultAgentEmail.isBlank()) {
            this.defaultAgentEmail = Optional.empty();
        } else if (!EMAIL.matcher(defaultAgentEmail.strip()).matches()) {
            throw new IllegalArgumentException(
                    "the default repo agent email '" + defaultAgentEmail + "' is not an email address");
        } else {
            this.defaultAgentEmail = Optional.of(defaultAgentEmail.strip());
        }
    }

    /** The states a case may go to from {@code from}; empty for a final state. */
    public static Set<RepoStatus> nextStates(RepoStatus from) {
        return NEXT.get(Objects.requireNonNull(from, "from"));
    }

    /** The states a new case may start in. */
    public static Set<RepoStatus> startStates() {
        return STARTS;
    }

    /** Whether a new case may be created in {@code first}; same as {@code check(null, first, facts)}. */
    public Transition start(RepoStatus first, RepoFacts facts) {
        Objects.requireNonNull(facts, "facts");
        if (first == null) {
            return new Transition.Refused(null, null,
                    "a new repossession case has no Repo_Status__c: it starts in " + or(STARTS));
        }
        if (!STARTS.contains(first)) {
            return new Transition.Refused(null, first,
                    "a new repossession case cannot start in " + first + ": it starts in " + or(STARTS));
        }
        return enter(null, first, facts);
    }

    /**
     * Whether a case may go from {@code from} to {@code to} with what the Case says now.
     *
     * @param from  the last status LeaseBridge applied, {@code null} for a case it has not seen before
     * @param to    the Case's {@code Repo_Status__c} now; {@code null} when the Case has none
     * @param facts the rest of the Case
     */
    public Transition check(RepoStatus from, RepoStatus to, RepoFacts facts) {
        Objects.requireNonNull(facts, "facts");
        if (from == null) {
            return start(to, facts);
        }
        if (to == null) {
            return new Transition.Refused(from, null, from + " -> (none): the Case has no Repo_Status__c;"
                    + describeNext(from));
        }
        if (from == to) {
            return new Transition.Unchanged(from);
        }
        if (from.isFinal()) {
            return new Transition.Refused(from, to, from + " -> " + to + " is not allowed: " + from
                    + " is final, a case in " + from + " does not move again");
        }
        if (!NEXT.get(from).contains(to)) {
            String hint = to == CANCELLED && VEHICLE_RECOVERED.contains(from)
                    ? "; a recovered vehicle cannot be cancelled: it is sold and the case closed, or the case REINSTATED"
                    : "";
            return new Transition.Refused(from, to, from + " -> " + to
                    + " is not a step of the repossession workflow:" + describeNext(from) + hint);
        }
        return enter(from, to, facts);
    }

    /**
     * The agent a repo order for this Case goes to: the Case's own agent, else the default. A malformed
     * address on the Case does not fall back to the default: the rep meant someone, and it is not the default.
     */
    public Optional<String> agentEmail(RepoFacts facts) {
        String own = facts.agentEmail();
        if (own != null && !own.isBlank()) {
            return EMAIL.matcher(own.strip()).matches() ? Optional.of(own.strip()) : Optional.empty();
        }
        return defaultAgentEmail;
    }

    private Transition enter(RepoStatus from, RepoStatus to, RepoFacts facts) {
        String step = (from == null ? "new case" : from) + " -> " + to + " is refused: ";
        if (to == ORDERED && facts.repoType() == RepoType.VOLUNTARY) {
            return new Transition.Refused(from, to, step + "a voluntary return needs no repo agent order; it goes"
                    + " PENDING -> RECOVERED with the drop-off date and place (Drop_Off_Date__c, Drop_Off_Location__c),"
                    + " or set Repo_Type__c to INVOLUNTARY to send an agent");
        }
        List<String> missing = switch (to) {
            case ORDERED -> missingForOrder(facts);
            case RECOVERED -> from == PENDING ? missingForReturn(facts) : List.of();
            case SOLD -> missingForSale(facts);
            case REINSTATED -> missingForReinstatement(facts);
            case INVENTORY -> missingForInventory(facts);
            default -> List.of();
        };
        if (!missing.isEmpty()) {
            String what = switch (to) {
                case ORDERED -> "the repo order needs ";
                case RECOVERED -> "a recovery without a repo order is a voluntary return and needs ";
                case REINSTATED -> "another chance needs ";
                case INVENTORY -> "a vehicle goes to inventory in sellable condition: ";
                default -> "the sale needs ";
            };
            return new Transition.Refused(from, to, step + what + and(missing));
        }
        return new Transition.Allowed(from, to, dispositionOn(to), actionsOn(to));
    }

    private static List<String> missingForReturn(RepoFacts facts) {
        List<String> missing = new ArrayList<>();
        if (facts.repoType() != RepoType.VOLUNTARY) {
            missing.add("Repo_Type__c VOLUNTARY (it is " + (facts.repoType() == null ? "empty" : facts.repoType())
                    + "; an involuntary repossession is ORDERED from an agent first)");
        }
        if (facts.dropOffDate() == null) {
            missing.add("a drop-off date (Drop_Off_Date__c)");
        }
        if (facts.dropOffPlace() == null || facts.dropOffPlace().isBlank()) {
            missing.add("a drop-off place (Drop_Off_Location__c)");
        }
        return missing;
    }

    private static List<String> missingForInventory(RepoFacts facts) {
        List<String> open = facts.unfinishedRepairOrders();
        if (open.isEmpty() || facts.inventoryOverride() != null && !facts.inventoryOverride().isBlank()) {
            return List.of();
        }
        return List.of((open.size() == 1 ? "FleetRock repair order " + open.get(0) + " is" : "FleetRock repair orders "
                + and(open) + " are") + " not finished (finish " + (open.size() == 1 ? "it" : "them")
                + " or give Inventory_Override_Reason__c)");
    }

    private static List<String> missingForReinstatement(RepoFacts facts) {
        boolean current = facts.leaseDaysPastDue() != null && facts.leaseDaysPastDue() <= 0;
        boolean reason = facts.reinstatementReason() != null && !facts.reinstatementReason().isBlank();
        if (current || reason) {
            return List.of();
        }
        String standing = facts.leaseDaysPastDue() == null
                ? "the hub has no LeaseWorks export of the vehicle's lease"
                : "the last LeaseWorks export shows " + facts.leaseDaysPastDue() + " days past due";
        return List.of("the lease brought current (" + standing + ") or a reason (Reinstatement_Reason__c)");
    }

    private List<String> missingForOrder(RepoFacts facts) {
        List<String> missing = new ArrayList<>();
        if (facts.repoType() == null) {
            missing.add("a repo type, voluntary or involuntary (Repo_Type__c)");
        }
        String own = facts.agentEmail();
        if (own != null && !own.isBlank() && !EMAIL.matcher(own.strip()).matches()) {
            missing.add("an agent email address (Repo_Agent_Email__c is '" + own + "')");
        } else if (agentEmail(facts).isEmpty()) {
            missing.add("an agent email (Repo_Agent_Email__c; no default agent is configured)");
        }
        return missing;
    }

    private static List<String> missingForSale(RepoFacts facts) {
        List<String> missing = new ArrayList<>();
        if (!facts.titleReceived()) {
            missing.add(facts.titleStatus() == null || facts.titleStatus().isBlank()
                    ? "the vehicle's title received (its Vehicle__c.Title_Status__c is empty and Title_Verified__c is not checked)"
                    : "the vehicle's title received (its Vehicle__c.Title_Status__c is " + facts.titleStatus().strip()
                            + ", not RECEIVED)");
        }
        BigDecimal price = facts.salePrice();
        if (price == null) {
            missing.add("a sale price (Sale_Price__c)");
        } else if (price.signum() <= 0) {
            missing.add("a sale price above zero (Sale_Price__c is " + price.toPlainString() + ")");
        }
        if (facts.saleDate() == null) {
            missing.add("a sale date (Sale_Date__c)");
        }
        return missing;
    }

    private static Optional<VehicleDisposition> dispositionOn(RepoStatus entered) {
        return switch (entered) {
            case PENDING -> Optional.of(VehicleDisposition.PENDING);
            case RECOVERED -> Optional.of(VehicleDisposition.REPOSSESSED);
            case INVENTORY -> Optional.of(VehicleDisposition.INVENTORY);
            case SOLD -> Optional.of(VehicleDisposition.SOLD);
            case REINSTATED -> Optional.of(VehicleDisposition.ACTIVE);
            default -> Optional.empty();
        };
    }

    private static Set<RepoAction> actionsOn(RepoStatus entered) {
        return switch (entered) {
            case ORDERED -> Set.of(RepoAction.SEND_REPO_ORDER);
            case SOLD -> Set.of(RepoAction.RECORD_SALE, RepoAction.TRANSFER_TITLE);
            case REINSTATED -> Set.of(RepoAction.RECORD_REINSTATEMENT);
            default -> Set.of();
        };
    }

    private static String describeNext(RepoStatus from) {
        Set<RepoStatus> next = NEXT.get(from);
        return next.isEmpty()
                ? " " + from + " is final"
                : " from " + from + " a case goes to " + or(next);
    }

    private static Map<RepoStatus, Set<RepoStatus>> steps() {
        Map<RepoStatus, Set<RepoStatus>> next = new EnumMap<>(RepoStatus.class);
        for (RepoStatus status : RepoStatus.values()) {
            next.put(status, EnumSet.noneOf(RepoStatus.class));
        }
        next.get(REQUESTED).addAll(List.of(PENDING, CANCELLED));
        next.get(PENDING).addAll(List.of(ORDERED, RECOVERED, CANCELLED));
        next.get(ORDERED).addAll(List.of(RECOVERED, CANCELLED, UNRECOVERABLE, REINSTATED));
        next.get(RECOVERED).addAll(List.of(INSPECTED, REINSTATED));
        next.get(INSPECTED).addAll(List.of(IN_REPAIR, INVENTORY, REINSTATED));
        next.get(IN_REPAIR).add(INVENTORY);
        next.get(INVENTORY).addAll(List.of(SOLD, REINSTATED));
        next.get(SOLD).add(CLOSED);
        next.replaceAll((status, targets) -> Collections.unmodifiableSet(targets));
        return Collections.unmodifiableMap(next);
    }

    private static String or(Set<RepoStatus> states) {
        return join(states.stream().map(Enum::name).toList(), " or ");
    }

    private static String and(List<String> items) {
        return join(items, " and ");
    }

    private static String join(List<String> items, String lastSeparator) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + lastSeparator + items.get(items.size() - 1);
    }
}
