package org.bluemarble.planet.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GradientNoiseTest {

  @Test
  void sameSeedGivesTheSameFieldAndOtherSeedsDiffer() {
    GradientNoise a = new GradientNoise(5);
    GradientNoise b = new GradientNoise(5);
    GradientNoise c = new GradientNoise(6);
    int differ = 0;
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      double x = r.nextDouble(-1, 1);
      double y = r.nextDouble(-1, 1);
      double z = r.nextDouble(-1, 1);
      assertThat(a.fbm(x, y, z, 3, 5)).isEqualTo(b.fbm(x, y, z, 3, 5));
      if (a.noise(x, y, z) != c.noise(x, y, z)) {
        differ++;
      }
    }
    assertThat(differ).isGreaterThan(990);
  }

  @Test
  void staysBoundedAndVaries() {
    GradientNoise n = new GradientNoise(9);
    SplittableRandom r = new SplittableRandom(2);
    double min = 0;
    double max = 0;
    for (int i = 0; i < 20_000; i++) {
      double v = n.fbm(r.nextDouble(-1, 1), r.nextDouble(-1, 1), r.nextDouble(-1, 1), 4, 6);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertThat(min).isBetween(-1.5, -0.2);
    assertThat(max).isBetween(0.2, 1.5);
  }

  @Test
  void isContinuous() {
    GradientNoise n = new GradientNoise(3);
    double v = n.noise(0.3, 0.4, 0.5);
    assertThat(Math.abs(n.noise(0.3 + 1e-7, 0.4, 0.5) - v)).isLessThan(1e-5);
  }
}
