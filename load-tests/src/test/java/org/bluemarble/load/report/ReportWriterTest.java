package org.bluemarble.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bluemarble.load.driver.ChatStats;
import org.bluemarble.load.driver.CpuUse;
import org.bluemarble.load.driver.RunResult;
import org.bluemarble.load.metrics.LatencySummary;
import org.bluemarble.load.metrics.TimelinePoint;
import org.bluemarble.load.server.ServerStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  static RunResult sample() {
    List<TimelinePoint> timeline =
        List.of(
            new TimelinePoint(1, "ramp_up", 5, 3, 1.2, 3.4, 20, 40, 19.5, 4000, 600, 0, 0),
            new TimelinePoint(2, "steady", 10, 10, 1.1, 3.0, 22, 45, 20, 4100, 610, 1, 0),
            new TimelinePoint(3, "ramp_down", 4, 4, 1.0, 2.0, 21, 44, 20, 4050, 605, 1, 0));
    return new RunResult(
        Map.of("bots", 10, "seed", 7),
        "dense: 10 bots in a 443 m square around -21.0,-27.0",
        List.of("a <note> & more"),
        "2026-11-25T04:00:00Z",
        12.5,
        10,
        10,
        10,
        9.5,
        new LatencySummary(100, 1.1, 2, 3, 4, 5),
        new LatencySummary(80, 22, 30, 45, 50, 51),
        19.8,
        4100,
        610,
        300,
        298,
        1,
        0,
        2400,
        Map.of("server: CODE_RATE_LIMITED", 1L),
        Map.of(),
        new ServerStats(60, 20, 250.0, 1, 59.8, 0L, null),
        timeline,
        new CpuUse(30, 0.5, 0.2, 10),
        null,
        new ChatStats(
            120,
            480,
            12.5,
            40.0,
            2,
            10,
            Map.of(
                "SAY", new ChatStats.ChannelStats(40, 300, 10.0, 30.0),
                "WHISPER", new ChatStats.ChannelStats(40, 40, 8.0, 20.0),
                "GUILD", new ChatStats.ChannelStats(40, 140, 15.0, 41.0))));
  }

  @Test
  void writesJsonThatParsesBackToTheFigures(@TempDir Path dir) throws Exception {
    ReportWriter.write(sample(), dir);
    JsonNode json = new ObjectMapper().readTree(dir.resolve(ReportWriter.SUMMARY_JSON).toFile());
    assertThat(json.path("inputToObserver").path("p99Ms").asDouble()).isEqualTo(45);
    assertThat(json.path("bytesInPerBotPerSecond").asDouble()).isEqualTo(4100);
    assertThat(json.path("timeline")).hasSize(3);
    assertThat(json.path("chat").path("delivered").asLong()).isEqualTo(480);
    assertThat(json.path("chat").path("deliveryP99Ms").asDouble()).isEqualTo(40.0);
    assertThat(json.path("chat").path("guildMembers").asInt()).isEqualTo(10);
    assertThat(json.path("chat").path("channels").path("GUILD").path("delivered").asLong())
        .isEqualTo(140);
    assertThat(json.path("chat").path("channels").path("WHISPER").path("deliveryP50Ms").asDouble())
        .isEqualTo(8.0);
    assertThat(json.path("server").path("minTickRateHz").asDouble()).isEqualTo(59.8);
    assertThat(json.path("settings").path("seed").asLong()).isEqualTo(7);
    assertThat(json.path("steadyCpu").path("nodeCores").asDouble()).isEqualTo(0.5);
  }

  @Test
  void writesHtmlWithEveryChartAndEscapedText(@TempDir Path dir) throws Exception {
    Path html = ReportWriter.write(sample(), dir);
    String page = Files.readString(html);
    for (String id : HtmlReport.CHART_IDS) {
      assertThat(page).contains("<svg id=\"" + id + "\"");
    }
    assertThat(page).contains("<polyline class=\"series\"");
    assertThat(page).contains("a &lt;note&gt; &amp; more");
    assertThat(page)
        .doesNotContain("<script")
        .doesNotContain("http://cdn")
        .doesNotContain("https://");
    assertThat(page.split("<polyline", -1)).hasSize(1 + 2 + 4 + 2 + 1);
  }

  @Test
  void roundsChartAxesUpToNiceNumbers() {
    assertThat(SvgChart.niceCeiling(0)).isEqualTo(1);
    assertThat(SvgChart.niceCeiling(37)).isEqualTo(50);
    assertThat(SvgChart.niceCeiling(101)).isEqualTo(200);
    assertThat(SvgChart.niceCeiling(0.22)).isEqualTo(0.25);
  }
}
