package org.bluemarble.planet.internal;

import java.util.SplittableRandom;

/**
 * Seeded 3-D gradient noise and its fractal sum. Evaluated at points on the unit sphere it has no
 * seams (no antimeridian, pole or cube-face artefacts). Pure arithmetic on doubles, so a seed gives
 * the same values on every JVM. Values are roughly in -1..1, zero on the integer lattice.
 */
public final class GradientNoise {

  // Twelve gradient directions: the edge midpoints of a cube.
  private static final double[] GX = {1, -1, 1, -1, 1, -1, 1, -1, 0, 0, 0, 0};
  private static final double[] GY = {1, 1, -1, -1, 0, 0, 0, 0, 1, -1, 1, -1};
  private static final double[] GZ = {0, 0, 0, 0, 1, 1, -1, -1, 1, 1, -1, -1};

  private final int[] perm = new int[512];
  private final double offsetX;
  private final double offsetY;
  private final double offsetZ;

  /** A noise field determined by {@code seed}. */
  public GradientNoise(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] p = new int[256];
    for (int i = 0; i < 256; i++) {
      p[i] = i;
    }
    for (int i = 255; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[k];
      p[k] = tmp;
    }
    for (int i = 0; i < 512; i++) {
      perm[i] = p[i & 255];
    }
    // A random offset moves the sphere away from the lattice, where noise is always zero.
    offsetX = random.nextDouble() * 256;
    offsetY = random.nextDouble() * 256;
    offsetZ = random.nextDouble() * 256;
  }

  /** Single-octave noise at (x, y, z). */
  public double noise(double x, double y, double z) {
    x += offsetX;
    y += offsetY;
    z += offsetZ;
    double fx = Math.floor(x);
    double fy = Math.floor(y);
    double fz = Math.floor(z);
    int xi = (int) fx & 255;
    int yi = (int) fy & 255;
    int zi = (int) fz & 255;
    double dx = x - fx;
    double dy = y - fy;
    double dz = z - fz;
    double u = fade(dx);
    double v = fade(dy);
    double w = fade(dz);
    int a = perm[xi] + yi;
    int aa = perm[a] + zi;
    int ab = perm[a + 1] + zi;
    int b = perm[xi + 1] + yi;
    int ba = perm[b] + zi;
    int bb = perm[b + 1] + zi;
    double x1 = lerp(u, grad(perm[aa], dx, dy, dz), grad(perm[ba], dx - 1, dy, dz));
    double x2 = lerp(u, grad(perm[ab], dx, dy - 1, dz), grad(perm[bb], dx - 1, dy - 1, dz));
    double y1 = lerp(v, x1, x2);
    double x3 = lerp(u, grad(perm[aa + 1], dx, dy, dz - 1), grad(perm[ba + 1], dx - 1, dy, dz - 1));
    double x4 =
        lerp(u, grad(perm[ab + 1], dx, dy - 1, dz - 1), grad(perm[bb + 1], dx - 1, dy - 1, dz - 1));
    double y2 = lerp(v, x3, x4);
    return lerp(w, y1, y2);
  }

  /**
   * Fractal sum of {@code octaves} octaves, each at twice the frequency and half the amplitude of
   * the one before, divided by the total amplitude (so roughly -1..1, typical magnitude 0.2-0.4).
   */
  public double fbm(double x, double y, double z, double frequency, int octaves) {
    double sum = 0;
    double amplitude = 1;
    double total = 0;
    double f = frequency;
    for (int o = 0; o < octaves; o++) {
      sum += amplitude * noise(x * f, y * f, z * f);
      total += amplitude;
      amplitude *= 0.5;
      f *= 2;
    }
    return sum / total;
  }

  private static double fade(double t) {
    return t * t * t * (t * (t * 6 - 15) + 10);
  }

  private static double lerp(double t, double a, double b) {
    return a + t * (b - a);
  }

  private static double grad(int hash, double x, double y, double z) {
    int h = hash % 12;
    return GX[h] * x + GY[h] * y + GZ[h] * z;
  }
}
