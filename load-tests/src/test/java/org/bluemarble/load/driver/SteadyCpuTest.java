package org.bluemarble.load.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.IntStream;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.scenario.Scenario;
import org.junit.jupiter.api.Test;

class SteadyCpuTest {

  @Test
  void readsUserAndSystemTicksAfterACommandNameWithSpacesAndParentheses() {
    String stat =
        "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 30 0 99 1 1";
    assertThat(SteadyCpu.parseStatCpuNanos(stat)).isEqualTo(3_000_000_000L);
  }

  @Test
  void readsThisProcessFromProc() {
    long self = ProcessHandle.current().pid();
    assertThat(SteadyCpu.nodeCpuNanos(self)).isPositive();
    assertThat(SteadyCpu.nodeCpuNanos(0)).isEqualTo(-1);
  }

  @Test
  void reportsMillisecondsPerPlayerSecond() {
    CpuUse use = new CpuUse(30, 0.5, 0.2, 250);
    assertThat(use.nodeMsPerPlayerSecond()).isEqualTo(2.0);
    assertThat(use.describe()).contains("0.50 cores").contains("2.00 ms per player-second");
    assertThat(CpuUse.UNKNOWN.nodeMsPerPlayerSecond()).isEqualTo(-1);
  }

  @Test
  void observerPercentagePicksThatShareOfBotsSpreadEvenly() {
    RunSettings ten = settings(10);
    assertThat(IntStream.range(0, 1000).filter(ten::observes).count()).isEqualTo(100);
    assertThat(IntStream.range(0, 20).filter(ten::observes).toArray()).containsExactly(9, 19);
    RunSettings all = settings(100);
    assertThat(IntStream.range(0, 50).allMatch(all::observes)).isTrue();
  }

  private static RunSettings settings(int pct) {
    return new RunSettings(
        "127.0.0.1",
        8080,
        7777,
        1000,
        30,
        10,
        TransportMode.parse("udp"),
        Scenario.parse("dense"),
        7,
        LatLng.parse("0,0"),
        null,
        0,
        Path.of("out"),
        pct,
        0,
        0,
        0);
  }
}
