package io.leasebridge.page;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The page's portfolio and delivery charts as one HTML file, for a run that serves no page (run-once, the sandbox). */
@Component
public class ChartReport {

    static final String FILE = "charts.html";

    private final PortfolioCharts charts;
    private final Clock clock;

    ChartReport(PortfolioCharts charts, Clock clock) {
        this.charts = charts;
        this.clock = clock;
    }

    /** Writes {@code charts.html} into the folder and returns its path. */
    public Path write(Path folder) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>LeaseBridge charts</title>
                <style>body{font:14px system-ui,sans-serif;margin:24px;color:#222}section{display:flex;gap:24px;margin:0 0 28px}
                table{border-collapse:collapse}th,td{border:1px solid #ddd;padding:4px 8px;text-align:right}th:first-child,td:first-child{text-align:left}</style>
                </head><body>
                """);
        html.append("<h1>Portfolio</h1><p>").append(escape(clock.instant().toString())).append("</p>");
        charts.portfolio().forEach(chart -> section(html, chart));
        html.append("<h1>Delivery</h1>");
        charts.delivery().forEach(chart -> section(html, chart));
        html.append("</body></html>\n");
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(FILE), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE), e);
        }
    }

    private static void section(StringBuilder html, PortfolioCharts.Chart chart) {
        html.append("<section id=\"").append(escape(chart.id())).append("\"><figure>").append(chart.svg())
                .append("<figcaption>").append(escape(chart.chart().title())).append("</figcaption></figure><table><thead><tr>");
        chart.header().forEach(h -> html.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : chart.rows()) {
            html.append("<tr>");
            row.forEach(v -> html.append("<td>").append(escape(v)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table></section>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
