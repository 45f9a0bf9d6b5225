package org.bluemarble.node.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Reading a node's Prometheus endpoint in tests, and checking it with promtool where installed. */
public final class PrometheusScrape {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PrometheusScrape() {}

  /** The exposition text of {@code http://127.0.0.1:port/metrics}; "" while it does not answer. */
  public static String scrape(int port) throws InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * {@code promtool check metrics} says nothing about our ({@code bluemarble_}) series; skipped
   * (with a line on stdout) where promtool is not installed.
   */
  public static void promtoolFindsNothingAboutOurNames(String metrics) throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    if (!Files.isExecutable(promtool)) {
      System.out.println("promtool not installed: exposition checked by the assertions only");
      return;
    }
    Process p =
        new ProcessBuilder(promtool.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().write(metrics.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<String> ours = out.lines().filter(l -> l.contains("bluemarble_")).toList();
    assertThat(ours).as(out).isEmpty();
  }
}
