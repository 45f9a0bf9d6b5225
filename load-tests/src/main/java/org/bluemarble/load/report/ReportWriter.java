package org.bluemarble.load.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bluemarble.load.capacity.CapacityResult;
import org.bluemarble.load.driver.RunResult;

/**
 * Writes a run's {@code summary.json} and {@code report.html} (or a capacity search's) into a
 * folder.
 */
public final class ReportWriter {

  /** File name of a run's JSON summary. */
  public static final String SUMMARY_JSON = "summary.json";

  /** File name of a run's HTML report. */
  public static final String REPORT_HTML = "report.html";

  /** File name of a capacity search's JSON summary. */
  public static final String CAPACITY_JSON = "capacity.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportWriter() {}

  /** Writes both files of a run into {@code dir} (created if missing); returns the HTML path. */
  public static Path write(RunResult result, Path dir) {
    try {
      Files.createDirectories(dir);
      JSON.writeValue(dir.resolve(SUMMARY_JSON).toFile(), result);
      Path html = dir.resolve(REPORT_HTML);
      Files.writeString(html, HtmlReport.render(result), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + dir, e);
    }
  }

  /** Writes a capacity search's JSON summary into {@code dir}; returns its path. */
  public static Path write(CapacityResult result, Path dir) {
    try {
      Files.createDirectories(dir);
      Path json = dir.resolve(CAPACITY_JSON);
      JSON.writeValue(json.toFile(), result);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the capacity summary into " + dir, e);
    }
  }
}
