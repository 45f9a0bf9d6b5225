package org.bluemarble.load.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bluemarble.load.report.ReportWriter;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.scenario.Scenario;
import org.bluemarble.load.standin.StandInServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole driver against the stand-in server (real protocol, real UDP endpoint and WebSocket):
 * bots log in, enter, walk, see each other; the run ends by itself and writes its report.
 */
class LoadRunEndToEndTest {

  private static final LatLng SPAWN = new LatLng(-21.0, -27.0);

  @ParameterizedTest
  @EnumSource(TransportMode.class)
  void botsEnterWalkAndObserveEachOther(TransportMode transport, @TempDir Path dir)
      throws Exception {
    try (StandInServer server = new StandInServer(SPAWN, true)) {
      RunSettings s =
          new RunSettings(
              "127.0.0.1",
              server.httpPort(),
              server.udpPort(),
              12,
              3,
              1,
              transport,
              Scenario.DENSE,
              7,
              SPAWN,
              "admin:secret",
              0,
              dir,
              100,
              0,
              0,
              0);
      List<String> log = new ArrayList<>();
      RunResult r = new LoadRun(s, log::add).run();

      assertThat(r.errors()).isEmpty();
      assertThat(r.disconnects()).isEmpty();
      assertThat(r.peakInWorld()).isEqualTo(12);
      assertThat(r.meanInWorldSteady()).isEqualTo(12.0);
      assertThat(r.inputAcks()).isPositive();
      assertThat(r.inputAckRtt().count()).isPositive();
      assertThat(r.inputToObserver().count()).isPositive();
      assertThat(r.snapshotsPerBotPerSecond()).isPositive();
      assertThat(r.bytesInPerBotPerSecond()).isPositive();
      assertThat(r.server().cellsSampled()).isPositive();
      assertThat(r.timeline()).isNotEmpty();
      assertThat(log).anyMatch(l -> l.contains("bulk route"));
      assertThat(ReportWriter.write(r, dir)).exists();
    }
  }

  @org.junit.jupiter.api.Test
  void fallsBackToThePublicApiWithoutTheBulkRoute(@TempDir Path dir) throws Exception {
    try (StandInServer server = new StandInServer(SPAWN, false)) {
      RunSettings s =
          new RunSettings(
              "127.0.0.1",
              server.httpPort(),
              server.udpPort(),
              4,
              1,
              0,
              TransportMode.WS,
              Scenario.SPREAD,
              3,
              SPAWN,
              "admin:secret",
              0,
              dir,
              100,
              0,
              0,
              0);
      List<String> log = new ArrayList<>();
      RunResult r = new LoadRun(s, log::add).run();
      assertThat(log).anyMatch(l -> l.contains("registered 4 bot accounts through the public API"));
      assertThat(r.peakInWorld()).isEqualTo(4);
      assertThat(r.errors()).isEmpty();
    }
  }

  @org.junit.jupiter.api.Test
  void combatPerMinuteSendsAbilitiesAndReportsACombatObject(@TempDir Path dir) throws Exception {
    try (StandInServer server = new StandInServer(SPAWN, true)) {
      RunSettings s =
          new RunSettings(
              "127.0.0.1",
              server.httpPort(),
              server.udpPort(),
              6,
              2,
              0,
              TransportMode.MIXED,
              Scenario.DENSE,
              5,
              SPAWN,
              "admin:secret",
              0,
              dir,
              100,
              0,
              600,
              0);
      RunResult r = new LoadRun(s, l -> {}).run();

      // the stand-in knows no combat: every ability comes back refused with its correlation id
      assertThat(r.combat()).isNotNull();
      assertThat(r.combat().actions()).isPositive();
      assertThat(r.combat().refused()).isPositive().isLessThanOrEqualTo(r.combat().actions());
      assertThat(r.errors()).isEmpty();
      Path summary = ReportWriter.write(r, dir);
      assertThat(java.nio.file.Files.readString(dir.resolve("summary.json")))
          .contains("\"combat\"")
          .contains("\"actionToObserver\"");
      assertThat(summary).exists();
    }
  }

  @org.junit.jupiter.api.Test
  void aWarmUpIsPlayedButNotCountedAndTheReportSaysHowLongItWas(@TempDir Path dir)
      throws Exception {
    try (StandInServer server = new StandInServer(SPAWN, true)) {
      RunSettings s =
          new RunSettings(
                  "127.0.0.1",
                  server.httpPort(),
                  server.udpPort(),
                  6,
                  2,
                  0,
                  TransportMode.UDP,
                  Scenario.DENSE,
                  3,
                  SPAWN,
                  "admin:secret",
                  0,
                  dir,
                  100,
                  0,
                  0,
                  0)
              .withWarmupSeconds(3);
      List<String> log = new ArrayList<>();
      RunResult r = new LoadRun(s, log::add).run();

      assertThat(r.errors()).isEmpty();
      assertThat(r.meanInWorldSteady()).isEqualTo(6.0);
      var phases = r.timeline().stream().map(p -> p.phase()).toList();
      assertThat(phases).contains("warm_up", "steady");
      // the warm-up comes before the steady state and never after it
      assertThat(phases.indexOf("steady")).isGreaterThan(phases.indexOf("warm_up"));
      assertThat(phases.lastIndexOf("warm_up")).isLessThan(phases.indexOf("steady"));
      // 3 s of warm-up + 2 s steady: at most 3 of the samples are counted
      assertThat(phases.stream().filter("steady"::equals).count()).isBetween(1L, 3L);
      assertThat(r.summary()).contains("warm-up: 3 s");
      assertThat(log).anyMatch(l -> l.startsWith("warm-up: 3 s"));
      ReportWriter.write(r, dir);
      assertThat(java.nio.file.Files.readString(dir.resolve("summary.json")))
          .contains("\"warmupSeconds\" : 3");
    }
  }
}
