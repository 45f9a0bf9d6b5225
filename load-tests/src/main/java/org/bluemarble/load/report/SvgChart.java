package org.bluemarble.load.report;

import java.util.List;
import java.util.Locale;

/**
 * A self-contained line chart as inline SVG: one x axis (seconds), one or more series, axes with a
 * few labelled ticks. No script, no external resource.
 */
public final class SvgChart {

  /** One line: a name, a colour and y values (NaN: no point) matching the x values. */
  public record Series(String name, String colour, double[] ys) {}

  static final int WIDTH = 760;
  static final int HEIGHT = 260;
  private static final int LEFT = 60;
  private static final int RIGHT = 20;
  private static final int TOP = 30;
  private static final int BOTTOM = 40;

  private SvgChart() {}

  /** The chart's SVG element; {@code id} becomes the element id. */
  public static String render(
      String id, String title, String yUnit, double[] xs, List<Series> series) {
    double xMax = 1;
    for (double x : xs) {
      xMax = Math.max(xMax, x);
    }
    double yMax = 0;
    for (Series s : series) {
      for (double y : s.ys()) {
        if (Double.isFinite(y)) {
          yMax = Math.max(yMax, y);
        }
      }
    }
    yMax = niceCeiling(yMax);
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg id=\"%s\" class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
            id,
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            Html.escape(title)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
            LEFT,
            Html.escape(title)));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
            LEFT,
            TOP,
            plotW,
            plotH));
    for (int i = 0; i <= 4; i++) {
      double v = yMax * i / 4;
      double y = TOP + plotH - plotH * i / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>%n",
              LEFT,
              y,
              LEFT + plotW,
              y,
              LEFT - 4,
              y + 4,
              label(v)));
    }
    for (int i = 0; i <= 5; i++) {
      double v = xMax * i / 5;
      double x = LEFT + plotW * i / 5.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s s</text>%n",
              x,
              TOP + plotH + 16,
              label(v)));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\">%s</text>%n",
            TOP + plotH / 2,
            TOP + plotH / 2,
            Html.escape(yUnit)));
    int legendX = LEFT + 8;
    for (Series s : series) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < xs.length && i < s.ys().length; i++) {
        if (Double.isFinite(s.ys()[i])) {
          double x = LEFT + plotW * xs[i] / xMax;
          double y = TOP + plotH - (yMax == 0 ? 0 : plotH * s.ys()[i] / yMax);
          points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"/>%n",
              s.colour(),
              points.toString().trim()));
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                  + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
              legendX,
              TOP + 6,
              s.colour(),
              legendX + 14,
              TOP + 15,
              Html.escape(s.name())));
      legendX += 20 + 7 * s.name().length();
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  /** The smallest of 1, 2, 2.5, 5 × 10^k at or above {@code v} (1 for 0). */
  static double niceCeiling(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= v) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.2f", v);
  }
}
