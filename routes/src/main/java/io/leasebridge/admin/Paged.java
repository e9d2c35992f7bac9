package io.leasebridge.admin;

import java.util.List;

/** One page of a longer list; {@code total} counts every item the filter matched. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    public Paged {
        items = List.copyOf(items);
    }
}
