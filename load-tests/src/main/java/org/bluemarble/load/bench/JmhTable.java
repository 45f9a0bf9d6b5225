package org.bluemarble.load.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints one table from JMH JSON result files ({@code -rf json}), one row per benchmark and
 * parameter set: module (the file name), benchmark, parameters, mode, score ± error, unit, and
 * p50/p99 for sample-time benchmarks. Used by {@code load-tests/bench.sh}.
 */
public final class JmhTable {

  /** One row of the table. */
  public record Row(
      String module,
      String benchmark,
      String params,
      String mode,
      double score,
      double error,
      String unit,
      Double p50,
      Double p99) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private JmhTable() {}

  /** Prints the table of every file given. */
  public static void main(String[] args) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String a : args) {
      Path p = Path.of(a);
      String module = p.getFileName().toString().replaceFirst("\\.json$", "");
      rows.addAll(read(module, JSON.readTree(Files.readAllBytes(p))));
    }
    print(rows, System.out);
  }

  /** The rows of one JMH JSON result document. */
  public static List<Row> read(String module, JsonNode results) {
    List<Row> rows = new ArrayList<>();
    for (JsonNode r : results) {
      String name = r.path("benchmark").asText();
      String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      StringBuilder params = new StringBuilder();
      for (Map.Entry<String, JsonNode> e : r.path("params").properties()) {
        params
            .append(params.length() == 0 ? "" : ",")
            .append(e.getKey())
            .append('=')
            .append(e.getValue().asText());
      }
      JsonNode m = r.path("primaryMetric");
      JsonNode pct = m.path("scorePercentiles");
      rows.add(
          new Row(
              module,
              shortName,
              params.toString(),
              r.path("mode").asText(),
              m.path("score").asDouble(),
              m.path("scoreError").asDouble(Double.NaN),
              m.path("scoreUnit").asText(),
              "sample".equals(r.path("mode").asText()) ? pct.path("50.0").asDouble() : null,
              "sample".equals(r.path("mode").asText()) ? pct.path("99.0").asDouble() : null));
    }
    return rows;
  }

  /** Prints {@code rows} as an aligned text table. */
  public static void print(List<Row> rows, PrintStream out) {
    String format = "%-11s %-48s %-16s %-6s %14s %12s %-8s %10s %10s%n";
    out.printf(
        Locale.ROOT,
        format,
        "module",
        "benchmark",
        "params",
        "mode",
        "score",
        "± error",
        "unit",
        "p50",
        "p99");
    for (Row r : rows) {
      out.printf(
          Locale.ROOT,
          format,
          r.module(),
          r.benchmark(),
          r.params(),
          r.mode(),
          String.format(Locale.ROOT, "%.3f", r.score()),
          Double.isNaN(r.error()) ? "" : String.format(Locale.ROOT, "%.3f", r.error()),
          r.unit(),
          r.p50() == null ? "" : String.format(Locale.ROOT, "%.3f", r.p50()),
          r.p99() == null ? "" : String.format(Locale.ROOT, "%.3f", r.p99()));
    }
  }
}
