package io.leasebridge.page;

import java.util.List;

/** A chart and its numbers: a header row and a row per category, for the accessible table beside it. */
public record Chart(String id, BarChart chart, List<String> header, List<List<String>> rows) {

    public Chart {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public String title() {
        return chart.title();
    }

    public String svg() {
        return chart.svg();
    }
}
