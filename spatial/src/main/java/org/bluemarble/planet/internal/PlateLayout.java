package org.bluemarble.planet.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The tectonic plates of a planet: seed points on a jittered Fibonacci sphere (the plates are their
 * spherical Voronoi regions), whether each plate is continental, and each plate's motion as a
 * rotation about an Euler pole (velocity at p = ω × p, in radians per unit time).
 */
public final class PlateLayout {

  private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

  private final double[] seedX;
  private final double[] seedY;
  private final double[] seedZ;
  private final double[] omegaX;
  private final double[] omegaY;
  private final double[] omegaZ;
  private final boolean[] continental;

  private PlateLayout(int count) {
    seedX = new double[count];
    seedY = new double[count];
    seedZ = new double[count];
    omegaX = new double[count];
    omegaY = new double[count];
    omegaZ = new double[count];
    continental = new boolean[count];
  }

  /**
   * Seeds and motions for {@code count} plates; continental flags are set later by {@link
   * #assignContinents}. Fibonacci points are rotated by a random rotation and each moved by up to a
   * quarter of the mean spacing, so different seeds give different layouts.
   */
  public static PlateLayout create(int count, SplittableRandom random) {
    PlateLayout layout = new PlateLayout(count);
    double[] axis = randomUnit(random);
    double angle = random.nextDouble() * 2 * Math.PI;
    double jitter = 0.25 * Math.sqrt(4 * Math.PI / count);
    for (int i = 0; i < count; i++) {
      double zz = 1 - 2 * (i + 0.5) / count;
      double r = Math.sqrt(1 - zz * zz);
      double phi = i * GOLDEN_ANGLE;
      double[] p = {r * StrictMath.cos(phi), r * StrictMath.sin(phi), zz};
      p = rotate(p, axis, angle);
      double[] d = randomUnit(random);
      p = normalize(p[0] + jitter * d[0], p[1] + jitter * d[1], p[2] + jitter * d[2]);
      layout.seedX[i] = p[0];
      layout.seedY[i] = p[1];
      layout.seedZ[i] = p[2];
      double[] pole = randomUnit(random);
      double speed = 0.5 + 0.5 * random.nextDouble();
      layout.omegaX[i] = pole[0] * speed;
      layout.omegaY[i] = pole[1] * speed;
      layout.omegaZ[i] = pole[2] * speed;
    }
    return layout;
  }

  /**
   * Marks plates continental, visiting them in a seeded random order and taking a plate when that
   * brings the land area closer to {@code 1 - oceanCoverage}. At least one plate of each kind
   * exists unless the coverage is exactly 0 or 1.
   *
   * @param plateArea area share of each plate (sums to 1)
   */
  public void assignContinents(double[] plateArea, double oceanCoverage, SplittableRandom random) {
    int n = count();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[k];
      order[k] = tmp;
    }
    double target = 1 - oceanCoverage;
    double land = 0;
    int landPlates = 0;
    for (int i : order) {
      boolean closer = Math.abs(land + plateArea[i] - target) < Math.abs(land - target);
      if (closer && landPlates < n - 1) {
        continental[i] = true;
        land += plateArea[i];
        landPlates++;
      }
    }
    if (landPlates == 0 && oceanCoverage < 1.0) {
      continental[order[0]] = true;
    }
    if (oceanCoverage == 0.0) {
      Arrays.fill(continental, true);
    }
  }

  /** Number of plates. */
  public int count() {
    return seedX.length;
  }

  public double seedX(int plate) {
    return seedX[plate];
  }

  public double seedY(int plate) {
    return seedY[plate];
  }

  public double seedZ(int plate) {
    return seedZ[plate];
  }

  public boolean isContinental(int plate) {
    return continental[plate];
  }

  /** Velocity of {@code plate} at unit point p, written to {@code out} (length 3). */
  public void velocity(int plate, double px, double py, double pz, double[] out) {
    double ox = omegaX[plate];
    double oy = omegaY[plate];
    double oz = omegaZ[plate];
    out[0] = oy * pz - oz * py;
    out[1] = oz * px - ox * pz;
    out[2] = ox * py - oy * px;
  }

  private static double[] randomUnit(SplittableRandom random) {
    double zz = 2 * random.nextDouble() - 1;
    double phi = 2 * Math.PI * random.nextDouble();
    double r = Math.sqrt(1 - zz * zz);
    return new double[] {r * StrictMath.cos(phi), r * StrictMath.sin(phi), zz};
  }

  /** Rodrigues' rotation of p about the unit axis k by angle a. */
  private static double[] rotate(double[] p, double[] k, double a) {
    double c = StrictMath.cos(a);
    double s = StrictMath.sin(a);
    double dot = k[0] * p[0] + k[1] * p[1] + k[2] * p[2];
    double cx = k[1] * p[2] - k[2] * p[1];
    double cy = k[2] * p[0] - k[0] * p[2];
    double cz = k[0] * p[1] - k[1] * p[0];
    return new double[] {
      p[0] * c + cx * s + k[0] * dot * (1 - c),
      p[1] * c + cy * s + k[1] * dot * (1 - c),
      p[2] * c + cz * s + k[2] * dot * (1 - c)
    };
  }

  private static double[] normalize(double x, double y, double z) {
    double n = Math.sqrt(x * x + y * y + z * z);
    return new double[] {x / n, y / n, z / n};
  }
}
