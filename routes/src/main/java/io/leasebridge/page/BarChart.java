package io.leasebridge.page;

import org.springframework.web.util.HtmlUtils;

import java.util.List;
import java.util.Locale;

/**
 * A grouped bar chart drawn as SVG on the server: categories along the bottom, one bar per series in each, a scale
 * on the left. Colours are presentation attributes, not styles, so the page's {@code default-src 'self'} policy
 * lets it show without a script or a stylesheet of its own; the numbers sit in a table beside it.
 */
public record BarChart(String title, List<String> categories, List<Series> series) {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int BOTTOM = 40;
    private static final int TOP = 28;
    private static final List<String> COLOURS = List.of("#2f6fae", "#e0892b", "#4f9a58", "#c2453d", "#7d5ba6", "#8c6d3f");

    public BarChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** One series: its name and a value per category. */
    public record Series(String name, List<Double> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    /** The chart as an {@code <svg>} element, its title as its accessible name. */
    public String svg() {
        double max = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(0);
        double top = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - 8;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\"><title>").append(escape(title)).append("</title>");
        for (int tick = 0; tick <= 4; tick++) {
            double value = top * tick / 4;
            double y = TOP + plotHeight - plotHeight * tick / 4.0;
            svg.append(line(LEFT, y, LEFT + plotWidth, y, "#dddddd"))
                    .append(text(LEFT - 6, y + 4, "end", format(value)));
        }
        double groupWidth = categories.isEmpty() ? plotWidth : (double) plotWidth / categories.size();
        double barWidth = Math.max(1, (groupWidth * 0.8) / Math.max(1, series.size()));
        for (int c = 0; c < categories.size(); c++) {
            double groupLeft = LEFT + c * groupWidth + groupWidth * 0.1;
            for (int s = 0; s < series.size(); s++) {
                double value = series.get(s).values().get(c);
                double height = top == 0 ? 0 : plotHeight * value / top;
                svg.append("<rect class=\"bar\" x=\"").append(number(groupLeft + s * barWidth)).append("\" y=\"")
                        .append(number(TOP + plotHeight - height)).append("\" width=\"").append(number(barWidth - 1))
                        .append("\" height=\"").append(number(height)).append("\" fill=\"").append(COLOURS.get(s % COLOURS.size()))
                        .append("\"><title>").append(escape(series.get(s).name() + ", " + categories.get(c) + ": " + format(value)))
                        .append("</title></rect>");
            }
            svg.append(text(groupLeft + groupWidth * 0.4, HEIGHT - BOTTOM + 16, "middle", categories.get(c)));
        }
        svg.append(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "#555555"));
        for (int s = 0; s < series.size(); s++) {
            int x = LEFT + s * 120;
            svg.append("<rect x=\"").append(x).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"")
                    .append(COLOURS.get(s % COLOURS.size())).append("\"/>")
                    .append(text(x + 14, 15, "start", series.get(s).name()));
        }
        return svg.append("</svg>").toString();
    }

    /** A round number at or above the largest value, so the scale reads 0, 25, 50... */
    static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String line(double x1, double y1, double x2, double y2, String colour) {
        return "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\"" + number(y2)
                + "\" stroke=\"" + colour + "\"/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor
                + "\" font-size=\"11\" fill=\"#333333\">" + escape(content) + "</text>";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }
}
