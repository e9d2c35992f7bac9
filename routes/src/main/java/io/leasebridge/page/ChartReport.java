package io.leasebridge.page;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * The page's portfolio and delivery charts as one HTML file, for a run that serves no page (run-once, the sandbox),
 * drawn by the same template fragment as the page.
 */
@Component
public class ChartReport {

    static final String FILE = "charts.html";

    private final PortfolioCharts charts;
    private final ISpringTemplateEngine templates;
    private final Clock clock;

    ChartReport(PortfolioCharts charts, ISpringTemplateEngine templates, Clock clock) {
        this.charts = charts;
        this.templates = templates;
        this.clock = clock;
    }

    /** Writes {@code charts.html} into the folder and returns its path. */
    public Path write(Path folder) {
        Context context = new Context(Locale.ROOT, Map.of("at", clock.instant().toString(),
                "portfolio", charts.portfolio(), "delivery", charts.delivery()));
        String html = templates.process("page/charts-report", context);
        try {
            Files.createDirectories(folder);
            return Files.writeString(folder.resolve(FILE), html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(FILE), e);
        }
    }
}
