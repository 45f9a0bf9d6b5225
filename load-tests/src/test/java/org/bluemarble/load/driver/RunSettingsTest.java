package org.bluemarble.load.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.scenario.Scenario;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
  private static final RunSettings RUN =
      new RunSettings(
          "127.0.0.1",
          8080,
          7777,
          200,
          30,
          10,
          TransportMode.WS,
          Scenario.SPREAD,
          7,
          LatLng.parse("10,20"),
          "admin:secret",
          2.5,
          Path.of("out"),
          10,
          4242,
          6,
          90);

  @Test
  void withCopiesChangeOnlyTheirOwnFields() {
    assertThat(RUN.withBots(500)).usingRecursiveComparison().ignoringFields("bots").isEqualTo(RUN);
    assertThat(RUN.withBots(500).bots()).isEqualTo(500);

    RunSettings step = RUN.withSecondsAndOut(60, Path.of("out/n500"));
    assertThat(step).usingRecursiveComparison().ignoringFields("seconds", "out").isEqualTo(RUN);
    assertThat(step.seconds()).isEqualTo(60);
    assertThat(step.out()).isEqualTo(Path.of("out/n500"));

    assertThat(RUN.withWarmupSeconds(0))
        .usingRecursiveComparison()
        .ignoringFields("warmupSeconds")
        .isEqualTo(RUN);
    assertThat(RUN.withWarmupSeconds(0).warmupSeconds()).isZero();
  }

  @Test
  void withCopiesAreValidatedLikeTheCanonicalConstructor() {
    assertThatThrownBy(() -> RUN.withBots(0)).hasMessageContaining("--bots");
    assertThatThrownBy(() -> RUN.withWarmupSeconds(-1)).hasMessageContaining("--warmup-seconds");
  }
}
