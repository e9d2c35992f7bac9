package io.leasebridge.page;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-drawn SVG bar chart: a bar per series and category, scaled to a round top, text escaped. */
class BarChartTest {

    @Test
    void eachValueIsABarScaledToARoundTopWithItsValueInItsTooltip() {
        String svg = new BarChart("Leases by bucket", List.of("2026-10", "2026-11"), List.of(
                new BarChart.Series("current", List.of(30.0, 10.0)), new BarChart.Series("90+", List.of(0.0, 42.0)))).svg();

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>")
                .contains("<title>Leases by bucket</title>").contains("role=\"img\"").doesNotContain("style=");
        assertThat(svg.split("class=\"bar\"", -1)).hasSize(5);
        assertThat(svg).contains("<title>90+, 2026-11: 42</title>").contains(">50</text>");
        // 42 of a 50 scale over a 192-pixel plot is 161.3 pixels high
        assertThat(svg).contains("height=\"161.3\"");
    }

    @Test
    void aCollectorsNameIsEscapedAndAnEmptyChartStillDraws() {
        String svg = new BarChart("Kept rate", List.of("<b>O'Neil & Co</b>"), List.of(new BarChart.Series("kept %", List.of(12.5)))).svg();

        assertThat(svg).contains("&lt;b&gt;O&#39;Neil &amp; Co&lt;/b&gt;").doesNotContain("<b>");
        assertThat(new BarChart("Nothing", List.of(), List.of()).svg()).contains("<title>Nothing</title>");
        assertThat(BarChart.niceCeiling(0)).isEqualTo(1);
        assertThat(BarChart.niceCeiling(42)).isEqualTo(50);
        assertThat(BarChart.niceCeiling(180)).isEqualTo(200);
        assertThat(BarChart.niceCeiling(2100)).isEqualTo(2500);
    }
}
