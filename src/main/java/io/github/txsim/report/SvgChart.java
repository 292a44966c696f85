package io.github.txsim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One chart as inline SVG: a plot area with labelled axes, bars and lines, a legend, and a tooltip ({@code <title>})
 * on every bar and point, so the page needs no script. Written by hand: the charts are few and simple, and a
 * charting library would mean a script (and a page that runs it) or a dependency larger than the application's
 * own code for a dozen shapes.
 * <p>
 * The x axis holds {@code slots} equal slots (hours, amount bins, scenarios, days), labelled by {@code slotLabel};
 * the y axis runs from 0 to a round number above the largest value.
 */
final class SvgChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 340;
    private static final int LEFT = 78;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 62;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    private record Series(String name, String cssClass, double[] values, boolean bars, IntFunction<String> tooltip) {
    }

    private final String id;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int slots;
    private final IntFunction<String> slotLabel;
    private final int labelEvery;
    private final List<Series> series = new ArrayList<>();

    /**
     * @param labelEvery label one slot in this many (the first is labelled)
     */
    SvgChart(String id, String title, String xLabel, String yLabel, int slots, IntFunction<String> slotLabel,
            int labelEvery) {
        this.id = id;
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.slots = slots;
        this.slotLabel = slotLabel;
        this.labelEvery = Math.max(1, labelEvery);
    }

    /** Adds bars, one per slot; the bar series of a chart stand side by side within each slot. */
    SvgChart bars(String name, String cssClass, double[] values, IntFunction<String> tooltip) {
        series.add(new Series(name, cssClass, values.clone(), true, tooltip));
        return this;
    }

    /** Adds a line through one point per slot, at the slot's centre. */
    SvgChart line(String name, String cssClass, double[] values, IntFunction<String> tooltip) {
        series.add(new Series(name, cssClass, values.clone(), false, tooltip));
        return this;
    }

    /** The chart as an SVG element with its own id, role and label. */
    String svg() {
        double top = niceTop(series.stream().flatMapToDouble(s -> Arrays.stream(s.values)).max().orElse(0));
        StringBuilder out = new StringBuilder(8192);
        out.append(String.format(Numbers.ENGLISH, "<svg id=\"%s\" class=\"chart\" role=\"img\" aria-label=\"%s\" "
                + "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n",
                id, Html.escape(title), WIDTH, HEIGHT, WIDTH, HEIGHT));
        out.append("<title>").append(Html.escape(title)).append("</title>\n");
        axes(out, top);
        int barSeries = (int) series.stream().filter(Series::bars).count();
        int bar = 0;
        for (Series s : series) {
            out.append(String.format(Numbers.ENGLISH, "<g class=\"series %s\" data-series=\"%s\">", s.cssClass,
                    Html.escape(s.name)));
            if (s.bars) {
                bars(out, s, top, bar++, barSeries);
            } else {
                line(out, s, top);
            }
            out.append("</g>\n");
        }
        legend(out);
        return out.append("</svg>\n").toString();
    }

    private void axes(StringBuilder out, double top) {
        double step = top / 5;
        out.append("<g class=\"axes\">");
        for (int k = 0; k <= 5; k++) {
            double y = y(k * step, top);
            out.append(String.format(Numbers.ENGLISH, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
                    + "y2=\"%.1f\"/><text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", LEFT, y,
                    LEFT + PLOT_WIDTH, y, LEFT - 6, y + 4, Numbers.axis(k * step)));
        }
        for (int slot = 0; slot < slots; slot += labelEvery) {
            out.append(String.format(Numbers.ENGLISH, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
                    + "%s</text>", centre(slot), TOP + PLOT_HEIGHT + 18, Html.escape(slotLabel.apply(slot))));
        }
        out.append(String.format(Numbers.ENGLISH, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH, TOP + PLOT_HEIGHT));
        out.append(String.format(Numbers.ENGLISH, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                LEFT, TOP, LEFT, TOP + PLOT_HEIGHT));
        out.append(String.format(Numbers.ENGLISH, "<text class=\"axis-label x-label\" x=\"%d\" y=\"%d\" "
                + "text-anchor=\"middle\">%s</text>", LEFT + PLOT_WIDTH / 2, HEIGHT - 14, Html.escape(xLabel)));
        out.append(String.format(Numbers.ENGLISH, "<text class=\"axis-label y-label\" x=\"%d\" y=\"%d\" "
                + "text-anchor=\"middle\" transform=\"rotate(-90 %d %d)\">%s</text>", 16, TOP + PLOT_HEIGHT / 2, 16,
                TOP + PLOT_HEIGHT / 2, Html.escape(yLabel)));
        out.append("</g>\n");
    }

    private void bars(StringBuilder out, Series s, double top, int index, int count) {
        double slotWidth = (double) PLOT_WIDTH / slots;
        double width = slotWidth * 0.8 / count;
        for (int slot = 0; slot < slots; slot++) {
            double x = LEFT + slot * slotWidth + slotWidth * 0.1 + index * width;
            double y = y(s.values[slot], top);
            out.append(String.format(Numbers.ENGLISH, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                    + "<title>%s</title></rect>", x, y, width, TOP + PLOT_HEIGHT - y,
                    Html.escape(s.tooltip.apply(slot))));
        }
    }

    private void line(StringBuilder out, Series s, double top) {
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int slot = 0; slot < slots; slot++) {
            double x = centre(slot);
            double y = y(s.values[slot], top);
            points.append(String.format(Numbers.ENGLISH, "%.1f,%.1f ", x, y));
            dots.append(String.format(Numbers.ENGLISH, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\"><title>%s</title>"
                    + "</circle>", x, y, slots > 60 ? 1 : 3, Html.escape(s.tooltip.apply(slot))));
        }
        out.append("<polyline fill=\"none\" points=\"").append(points.toString().strip()).append("\"/>").append(dots);
    }

    private void legend(StringBuilder out) {
        out.append("<g class=\"legend\">");
        int x = LEFT + 8;
        for (Series s : series) {
            out.append(String.format(Numbers.ENGLISH, "<g class=\"legend-item %s\"><rect x=\"%d\" y=\"%d\" "
                    + "width=\"12\" height=\"12\"/><text x=\"%d\" y=\"%d\">%s</text></g>", s.cssClass, x, 10,
                    x + 16, 21, Html.escape(s.name)));
            x += 28 + 7 * s.name.length();
        }
        out.append("</g>\n");
    }

    private double centre(int slot) {
        return LEFT + (slot + 0.5) * PLOT_WIDTH / slots;
    }

    private static double y(double value, double top) {
        return TOP + PLOT_HEIGHT - (top == 0 ? 0 : value / top * PLOT_HEIGHT);
    }

    /** A round number at or above the largest value, in five round steps (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a
     * power of ten); 1 for nothing. */
    static double niceTop(double max) {
        if (!(max > 0)) {
            return 1;
        }
        double rough = max / 5;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (factor * power * 5 >= max) {
                return factor * power * 5;
            }
        }
        return 10 * power * 5;
    }
}
