package io.leasebridge.hub;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Look-ups by many keys: {@code in (?, ?, ...)} lists, split so that no statement exceeds a database's bind limit. */
public final class InLists {

    /** Keys per statement: well under every database's bind-parameter limit. */
    static final int CHUNK = 500;

    private InLists() {
    }

    /** {@code ?, ?, ?} for {@code n} parameters. */
    public static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Runs {@code query} once per chunk of at most {@value #CHUNK} keys, in their order, and returns all the rows. */
    public static <K, T> List<T> inChunks(Collection<K> keys, Function<List<K>, List<T>> query) {
        List<T> results = new ArrayList<>();
        forEachChunk(keys, chunk -> results.addAll(query.apply(chunk)));
        return results;
    }

    /** Runs {@code statement} once per chunk of at most {@value #CHUNK} keys, in their order. */
    public static <K> void forEachChunk(Collection<K> keys, Consumer<List<K>> statement) {
        List<K> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += CHUNK) {
            statement.accept(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
    }
}
