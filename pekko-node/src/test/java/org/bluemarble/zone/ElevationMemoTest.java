package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

class ElevationMemoTest {
  private final ZoneSettings settings = ZoneSettings.defaults(Sphere.EARTH);

  /** A rough, everywhere-different ground that counts the elevations asked of it. */
  private static final class CountingTerrain implements Terrain {
    final AtomicLong asked = new AtomicLong();

    @Override
    public double elevationMeters(double latitudeDeg, double longitudeDeg) {
      if (latitudeDeg > 90 || latitudeDeg < -90) {
        throw new IllegalArgumentException("latitude out of range: " + latitudeDeg);
      }
      asked.incrementAndGet();
      return 20.0
          + 1.0 * Math.sin(latitudeDeg * 111_194.9 / 7.0)
          + 0.5 * Math.cos(longitudeDeg * 111_194.9 / 5.0);
    }

    @Override
    public String biome(double latitudeDeg, double longitudeDeg) {
      return "grassland";
    }
  }

  @Test
  void answersExactlyWhatTheTerrainAnswersForTheSamePoints() {
    CountingTerrain ground = new CountingTerrain();
    ElevationMemo memo = (ElevationMemo) ElevationMemo.of(ground);
    SplittableRandom random = new SplittableRandom(3);
    double[] lat = new double[3_000];
    double[] lng = new double[3_000];
    for (int i = 0; i < lat.length; i++) {
      lat[i] = random.nextDouble(-89, 89);
      lng[i] = random.nextDouble(-180, 180);
    }

    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < lat.length; i++) {
        int k = random.nextInt(lat.length);
        assertThat(memo.elevationMeters(lat[k], lng[k]))
            .isEqualTo(ground.elevationMeters(lat[k], lng[k]));
        assertThat(memo.isDeepOcean(lat[k], lng[k], 21.0))
            .isEqualTo(ground.isDeepOcean(lat[k], lng[k], 21.0));
      }
    }
    // 3,000 points in 1,024 slots, asked 18,000 times: most of them come from the memo.
    assertThat(memo.hits() + memo.misses()).isEqualTo(18_000);
    assertThat(memo.hits()).isGreaterThan(memo.misses());
  }

  @Test
  void aWalkingPlayerAsksTheGroundAboutTwoNewPointsPerTickInsteadOfFive() {
    CountingTerrain ground = new CountingTerrain();
    MovementRules memoised = new MovementRules(settings, ground);
    Mover walker = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(10, 20), 0);
    memoised.accept(walker, new MovementInput(1, new MovementInput.Heading(60, 3), 0L));
    Mover twin = new Mover(1, CharacterClass.WARRIOR, GeoPosition.of(10, 20), 0);
    CountingTerrain plainGround = new CountingTerrain();
    MovementRules plain = new MovementRules(settings, new OwnRules(plainGround));
    plain.accept(twin, new MovementInput(1, new MovementInput.Heading(60, 3), 0L));

    long before = ground.asked.get();
    for (int tick = 0; tick < 600; tick++) {
      assertThat(memoised.advance(walker, settings.tickSeconds())).isEqualTo(StepOutcome.MOVED);
      assertThat(plain.advance(twin, settings.tickSeconds())).isEqualTo(StepOutcome.MOVED);
      // The same walk, bit for bit, with and without the memo.
      assertThat(walker.position()).isEqualTo(twin.position());
      assertThat(walker.altitudeMeters()).isEqualTo(twin.altitudeMeters());
    }

    // Without the memo a step on land asks 5 times (the end twice, the probe twice, the start);
    // with it about twice (the end and the probe are new, the start was the previous end), a few
    // more where two points share a slot.
    assertThat(plainGround.asked.get()).isEqualTo(5 * 600);
    assertThat(ground.asked.get() - before).isBetween(2L * 600, 2L * 600 + 60);
  }

  @Test
  void refusedPointsAreNotRememberedAndStillRefused() {
    CountingTerrain ground = new CountingTerrain();
    Terrain memo = ElevationMemo.of(ground);

    assertThatThrownBy(() -> memo.elevationMeters(95, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> memo.elevationMeters(95, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(memo.elevationMeters(Double.NaN, 0)).isNaN();
  }

  @Test
  void aTerrainWithItsOwnOceanOrSlopeRuleIsLeftAlone() {
    Terrain own = new OwnRules(new CountingTerrain());
    Terrain memo = ElevationMemo.of(new CountingTerrain());

    assertThat(ElevationMemo.of(own)).isSameAs(own);
    assertThat(ElevationMemo.of(memo)).isSameAs(memo);
    assertThat(memo).isNotInstanceOf(CountingTerrain.class);
  }

  /** The ground with the interface's rules written out: not memoised. */
  private record OwnRules(Terrain ground) implements Terrain {
    @Override
    public double elevationMeters(double latitudeDeg, double longitudeDeg) {
      return ground.elevationMeters(latitudeDeg, longitudeDeg);
    }

    @Override
    public String biome(double latitudeDeg, double longitudeDeg) {
      return ground.biome(latitudeDeg, longitudeDeg);
    }

    @Override
    public boolean isDeepOcean(double latitudeDeg, double longitudeDeg, double thresholdMeters) {
      return elevationMeters(latitudeDeg, longitudeDeg) < thresholdMeters;
    }
  }
}
