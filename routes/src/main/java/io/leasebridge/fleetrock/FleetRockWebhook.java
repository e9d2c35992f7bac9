package io.leasebridge.fleetrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leasebridge.connectors.fleetrock.RepairOrder;
import io.leasebridge.flow.FlowRuns;
import io.leasebridge.hub.DeadLetter;
import io.leasebridge.hub.DeadLetters;
import io.leasebridge.hub.Hashes;
import io.leasebridge.hub.RunCounts;
import io.leasebridge.mapping.fleetrock.WorkOrderProblem;
import io.leasebridge.webhooks.WebhookProperties;
import io.leasebridge.workorders.WorkOrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A push from FleetRock: {@code {"event": "ro.updated", "repair_order": {...}}} (or {@code "repair_orders": [...]}),
 * whose shared secret and size {@code WebhookGuard} checked before it was read. A body that is not such a push, or an
 * event LeaseBridge does not apply, is 400; a repair order that cannot be mapped is 422 and nothing of the push
 * is applied (the RO goes to dead letters, at most {@code leasebridge.webhooks.dead-letter-excerpt} of it). The same
 * push delivered again is answered 200 and changes nothing. Logs never carry the body.
 */
public class FleetRockWebhook {

    public static final String FLOW = "fleetrock-webhook";
    private static final Logger log = LoggerFactory.getLogger(FleetRockWebhook.class);
    private static final int MOST_ATTEMPTS = 3;

    private final FleetRockProperties.Webhook settings;
    private final WebhookProperties webhooks;
    private final ObjectMapper json;
    private final WorkOrderIntake intake;
    private final WorkOrderStore store;
    private final DeadLetters deadLetters;
    private final FlowRuns runs;
    private final TransactionTemplate transaction;

    public FleetRockWebhook(FleetRockProperties properties, WebhookProperties webhooks, ObjectMapper json, WorkOrderIntake intake,
                            WorkOrderStore store, DeadLetters deadLetters, FlowRuns runs, TransactionTemplate transaction) {
        this.settings = properties.webhook();
        this.webhooks = webhooks;
        this.json = json;
        this.intake = intake;
        this.store = store;
        this.deadLetters = deadLetters;
        this.runs = runs;
        this.transaction = transaction;
    }

    /** What LeaseBridge answers FleetRock: an HTTP status and a small JSON body. */
    public record Reply(int status, Map<String, Object> body) {
    }

    public Reply receive(String body) {
        Push push;
        try {
            push = parse(body);
        } catch (MalformedPush e) {
            log.warn("{}: push refused ({} bytes): {}", FLOW, body == null ? 0 : body.length(), e.getMessage());
            return new Reply(400, Map.of("error", "malformed push", "detail", e.getMessage()));
        }
        return runs.run(FLOW, "push " + push.event(), RuntimeException::getMessage, run -> apply(push, body, run));
    }

    private Reply apply(Push push, String body, FlowRuns.Run run) {
        int read = push.orders().size();
        run.count(new RunCounts(read, 0, 0, 0, 0, 0));
        List<WorkOrderIntake.Refused> refused = intake.refused(push.orders());
        if (!refused.isEmpty()) {
            List<DeadLetter> letters = refused.stream().map(r -> deadLetter(r, push)).toList();
            deadLetters.record(letters, run.id());
            run.count(new RunCounts(read, 0, 0, 0, letters.size(), 0));
            String detail = refused.stream().map(r -> r.problem().toString()).collect(Collectors.joining("; "));
            log.warn("{}: push {} refused, nothing applied: {}", FLOW, push.event(), detail);
            return new Reply(422, Map.of("error", "invalid repair order", "detail", detail));
        }
        String roIds = push.orders().stream().map(RepairOrder::id).collect(Collectors.joining(","));
        WorkOrderIntake.Outcome outcome = applyOnce(push, Hashes.sha256(body), cut(roIds), run);
        if (outcome == null) {
            log.info("{}: push {} for {} was applied before; nothing to do", FLOW, push.event(), roIds);
            return new Reply(200, Map.of("status", "duplicate"));
        }
        run.count(new RunCounts(read, outcome.changed(), 0, 0, outcome.quarantined(), 0));
        log.info("{}: push {} applied: {} repair orders, {} work orders new or changed", FLOW, push.event(), read, outcome.changed());
        return new Reply(200, Map.of("status", "applied", "repairOrders", read, "changed", outcome.changed()));
    }

    /**
     * Applies the push unless it was applied before; null when it was. A push racing another one can meet a key the
     * other inserted first: its own delivery (the same push, a duplicate), or a work order new to both (another push
     * of the same RO), which is no duplicate: then the push is applied again, over what the other stored.
     */
    private WorkOrderIntake.Outcome applyOnce(Push push, String deliveryKey, String roIds, FlowRuns.Run run) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> store.firstDelivery(deliveryKey, push.event(), roIds)
                        ? intake.accept(push.orders(), FLOW, "push " + push.event(), run.id())
                        : null);
            } catch (DuplicateKeyException raced) {
                if (store.delivered(deliveryKey)) {
                    return null;
                }
                if (attempt == MOST_ATTEMPTS) {
                    throw raced;
                }
                log.info("{}: push {} for {} met a work order another push stored first; applying it again", FLOW,
                        push.event(), roIds);
            }
        }
    }

    /** An RO's own problem, with what it was sent as: two bad ROs of one push are two dead letters. */
    private DeadLetter deadLetter(WorkOrderIntake.Refused refused, Push push) {
        String place = "repair order " + refused.position() + " of push " + push.event() + ", nothing of it applied";
        WorkOrderProblem problem = refused.problem();
        return new DeadLetter(FLOW, WorkOrderIntake.RECORD_TYPE, WorkOrderIntake.recordKey(refused.ro(), problem, place), null, null,
                problem.field(), "INVALID_FIELD", problem + " (" + place + ")", payload(refused.ro()));
    }

    private String payload(RepairOrder ro) {
        try {
            return webhooks.excerpt(json.writeValueAsString(ro));
        } catch (JsonProcessingException e) {
            return webhooks.excerpt(String.valueOf(ro));
        }
    }

    private record Push(String event, List<RepairOrder> orders) {
    }

    private Push parse(String body) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new MalformedPush("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedPush("the body is not a JSON object");
        }
        String event = root.path("event").asText("");
        if (!settings.events().contains(event)) {
            throw new MalformedPush(event.isEmpty() ? "no event" : "unknown event '" + cut(event) + "'; applied are " + settings.events());
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root.path("repair_order").isObject()) {
            nodes.add(root.get("repair_order"));
        } else if (root.path("repair_orders").isArray()) {
            root.get("repair_orders").forEach(nodes::add);
        }
        if (nodes.isEmpty()) {
            throw new MalformedPush("no repair_order object (or repair_orders array)");
        }
        // an element that is not a repair order in FleetRock's format is a bad RO, refused with 422 naming it, not a bad push
        return new Push(event, nodes.stream().map(RepairOrder::read).toList());
    }

    private static String cut(String value) {
        return value.length() <= 1000 ? value : value.substring(0, 1000);
    }

    private static final class MalformedPush extends RuntimeException {
        MalformedPush(String message) {
            super(message, null, false, false);
        }
    }
}
