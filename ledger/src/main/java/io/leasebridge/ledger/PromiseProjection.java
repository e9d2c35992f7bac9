package io.leasebridge.ledger;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Folds events into promise states. The same code serves the incremental projection and a rebuild. */
public final class PromiseProjection {

    private final Map<String, PromiseState> promises = new LinkedHashMap<>();

    public static PromiseProjection of(Collection<PromiseEvent> events) {
        PromiseProjection projection = new PromiseProjection();
        events.forEach(projection::apply);
        return projection;
    }

    public void apply(PromiseEvent event) {
        promises.compute(event.promiseId(), (id, state) -> {
            if (state == null) {
                if (event.type() != PromiseEventType.MADE) {
                    throw new IllegalStateException(event.type() + " for promise " + id + ", which was never made");
                }
                return PromiseState.made(event);
            }
            return state.after(event);
        });
    }

    public Map<String, PromiseState> promises() {
        return Map.copyOf(promises);
    }

    public PromiseState promise(String promiseId) {
        return promises.get(promiseId);
    }

    Collection<PromiseState> states() {
        return promises.values();
    }
}
