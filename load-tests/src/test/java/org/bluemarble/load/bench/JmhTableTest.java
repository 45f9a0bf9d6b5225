package org.bluemarble.load.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JmhTableTest {

  private static final String RESULTS =
      """
      [
        {"benchmark": "org.bluemarble.zone.bench.TickBenchmark.tick", "mode": "sample",
         "params": {"players": "500"},
         "primaryMetric": {"score": 812.5, "scoreError": 20.1, "scoreUnit": "us/op",
           "scorePercentiles": {"50.0": 790.0, "99.0": 1400.0}}},
        {"benchmark": "org.bluemarble.protocol.udp.PacketCryptoBenchmark.seal", "mode": "avgt",
         "params": {"size": "200"},
         "primaryMetric": {"score": 1.25, "scoreError": "NaN", "scoreUnit": "us/op",
           "scorePercentiles": {"50.0": 1.2}}}
      ]
      """;

  @Test
  void readsOneRowPerBenchmarkWithPercentilesForSampleTime() throws Exception {
    List<JmhTable.Row> rows = JmhTable.read("pekko-node", new ObjectMapper().readTree(RESULTS));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).benchmark()).isEqualTo("TickBenchmark.tick");
    assertThat(rows.get(0).params()).isEqualTo("players=500");
    assertThat(rows.get(0).p99()).isEqualTo(1400.0);
    assertThat(rows.get(1).p50()).isNull();
    assertThat(rows.get(1).error()).isNaN();
  }

  @Test
  void printsAnAlignedTableWithAHeader() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    JmhTable.print(
        JmhTable.read("protocol", new ObjectMapper().readTree(RESULTS)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("module").contains("score").contains("p99");
    assertThat(lines[1]).contains("TickBenchmark.tick").contains("812.500").contains("1400.000");
    assertThat(lines[2]).contains("PacketCryptoBenchmark.seal").contains("1.250");
  }
}
