package org.bluemarble.load.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluemarble.load.driver.RunResult;
import org.bluemarble.load.metrics.LatencySummary;
import org.bluemarble.load.metrics.TimelinePoint;

/**
 * The self-contained HTML report of one run: settings and notes, the latency table, and inline SVG
 * charts of CCU, latency and bandwidth per bot over time. Opens offline (no script, no CDN).
 */
public final class HtmlReport {

  /** Element ids of the charts, in page order. */
  public static final List<String> CHART_IDS =
      List.of("chart-ccu", "chart-latency", "chart-bandwidth", "chart-snapshots");

  private HtmlReport() {}

  /** The whole page. */
  public static String render(RunResult r) {
    List<TimelinePoint> t = r.timeline();
    double[] xs = new double[t.size()];
    double[] connected = new double[t.size()];
    double[] inWorld = new double[t.size()];
    double[] rtt50 = new double[t.size()];
    double[] rtt99 = new double[t.size()];
    double[] obs50 = new double[t.size()];
    double[] obs99 = new double[t.size()];
    double[] in = new double[t.size()];
    double[] out = new double[t.size()];
    double[] snaps = new double[t.size()];
    for (int i = 0; i < t.size(); i++) {
      TimelinePoint p = t.get(i);
      xs[i] = p.second();
      connected[i] = p.connected();
      inWorld[i] = p.inWorld();
      rtt50[i] = p.rttP50Ms();
      rtt99[i] = p.rttP99Ms();
      obs50[i] = p.observerP50Ms();
      obs99[i] = p.observerP99Ms();
      in[i] = p.bytesInPerBot();
      out[i] = p.bytesOutPerBot();
      snaps[i] = p.snapshotsPerBot();
    }
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>BlueMarble load test</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:900px}")
        .append(
            "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}.chart{display:block;margin:1em 0}")
        .append("</style></head><body>\n");
    h.append("<h1>BlueMarble load test</h1>\n<p>Started ")
        .append(Html.escape(r.startedAt()))
        .append(String.format(Locale.ROOT, ", %.1f s. ", r.durationSeconds()))
        .append(Html.escape(r.geometry()))
        .append("</p>\n");
    h.append("<h2>Settings</h2>\n").append(table(r.settings())).append("<ul>\n");
    for (String n : r.notes()) {
      h.append("<li>").append(Html.escape(n)).append("</li>\n");
    }
    h.append(
            "</ul>\n<h2>Summary (steady state)</h2>\n<table><tr><th>latency</th><th>n</th><th>p50</th>")
        .append("<th>p90</th><th>p99</th><th>p99.9</th><th>max (ms)</th></tr>\n")
        .append(latencyRow("input → ack round trip", r.inputAckRtt()))
        .append(latencyRow("input → observer", r.inputToObserver()))
        .append("</table>\n");
    h.append(
        table(
            Map.of(
                "peak connected / in world / requested",
                r.peakConnected() + " / " + r.peakInWorld() + " / " + r.botsRequested(),
                "snapshots per bot per second",
                r.snapshotsPerBotPerSecond(),
                "bytes per bot per second (in / out)",
                r.bytesInPerBotPerSecond() + " / " + r.bytesOutPerBotPerSecond(),
                "errors / disconnects",
                r.errorCount() + " / " + r.disconnectCount(),
                "server",
                String.valueOf(r.server()))));
    h.append(
        SvgChart.render(
            CHART_IDS.get(0),
            "CCU over time",
            "bots",
            xs,
            List.of(
                new SvgChart.Series("connected", "#1f77b4", connected),
                new SvgChart.Series("in world", "#2ca02c", inWorld))));
    h.append(
        SvgChart.render(
            CHART_IDS.get(1),
            "Latency over time (per second)",
            "ms",
            xs,
            List.of(
                new SvgChart.Series("ack p50", "#1f77b4", rtt50),
                new SvgChart.Series("ack p99", "#aec7e8", rtt99),
                new SvgChart.Series("observer p50", "#d62728", obs50),
                new SvgChart.Series("observer p99", "#ff9896", obs99))));
    h.append(
        SvgChart.render(
            CHART_IDS.get(2),
            "Bandwidth per bot",
            "bytes/s",
            xs,
            List.of(
                new SvgChart.Series("in", "#9467bd", in),
                new SvgChart.Series("out", "#8c564b", out))));
    h.append(
        SvgChart.render(
            CHART_IDS.get(3),
            "Snapshots received per bot",
            "snapshots/s",
            xs,
            List.of(new SvgChart.Series("snapshots", "#17becf", snaps))));
    h.append("<h2>Errors</h2>\n").append(table(r.errors()));
    h.append("<h2>Disconnects</h2>\n").append(table(r.disconnects()));
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String latencyRow(String name, LatencySummary s) {
    return String.format(
        Locale.ROOT,
        "<tr><td>%s</td><td>%d</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td><td>%.2f</td></tr>%n",
        Html.escape(name),
        s.count(),
        s.p50Ms(),
        s.p90Ms(),
        s.p99Ms(),
        s.p999Ms(),
        s.maxMs());
  }

  static String table(Map<String, ?> rows) {
    if (rows.isEmpty()) {
      return "<p>none</p>\n";
    }
    StringBuilder h = new StringBuilder("<table>\n");
    rows.forEach(
        (k, v) ->
            h.append("<tr><td>")
                .append(Html.escape(k))
                .append("</td><td>")
                .append(Html.escape(String.valueOf(v)))
                .append("</td></tr>\n"));
    return h.append("</table>\n").toString();
  }
}
