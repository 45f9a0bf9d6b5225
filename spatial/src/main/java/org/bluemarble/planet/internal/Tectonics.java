package org.bluemarble.planet.internal;

import java.util.stream.IntStream;

/**
 * Elevation from plate tectonics, in metres relative to a provisional sea level. A continental
 * plate sits at {@value #CONTINENT_BASE} m, an oceanic one at {@value #OCEAN_BASE} m, blended
 * across mixed borders into a shelf. At each border the relative motion of the two plates across it
 * decides the relief, fading with distance d as exp(-(d/w)²):
 *
 * <ul>
 *   <li>convergent, both continental: uplift (collision ranges);
 *   <li>convergent, continent over ocean: coastal range on the continent, trench on the ocean side;
 *   <li>convergent, both oceanic: trench on the lower-numbered plate, island arc on the other;
 *   <li>divergent: rift valley on continents, mid-ocean ridge between oceanic plates.
 * </ul>
 */
public final class Tectonics {

  static final double CONTINENT_BASE = 400;
  static final double OCEAN_BASE = -4200;

  /** Half-width of the continental shelf blend, radians (about 320 km on Earth). */
  private static final double SHELF_WIDTH = 0.05;

  private Tectonics() {}

  /** Tectonic elevation of every cell, in metres; {@code seed} drives the shelf-edge noise. */
  public static float[] elevations(
      CellGrid grid, PlateLayout plates, PlateAssignment assignment, long seed) {
    GradientNoise shelf = new GradientNoise(seed ^ 0x5E1FL);
    float[] elevation = new float[grid.count()];
    IntStream.range(0, grid.count())
        .parallel()
        .forEach(k -> elevation[k] = (float) elevation(grid, plates, assignment, shelf, k));
    return elevation;
  }

  static double elevation(
      CellGrid grid, PlateLayout plates, PlateAssignment assignment, GradientNoise shelf, int k) {
    int a = assignment.plate(k);
    int b = assignment.neighbour(k);
    double d = assignment.boundaryDistance(k);
    boolean contA = plates.isContinental(a);
    boolean contB = plates.isContinental(b);
    double base;
    if (contA == contB) {
      base = contA ? CONTINENT_BASE : OCEAN_BASE;
    } else {
      // Signed distance to the border, positive on the continental side, moved by fractal noise so
      // the shelf edge (and with it the coast) wanders instead of following the plate border.
      double x = contA ? d : -d;
      x += SHELF_WIDTH * 2.4 * shelf.fbm(grid.x(k), grid.y(k), grid.z(k), 6.0, 5);
      double w = smoothstep(0.5 + 0.5 * x / SHELF_WIDTH);
      base = OCEAN_BASE + (CONTINENT_BASE - OCEAN_BASE) * w;
    }
    if (a == b) {
      return base;
    }
    return base + boundaryRelief(grid, plates, k, a, b, d, contA, contB);
  }

  private static double boundaryRelief(
      CellGrid grid,
      PlateLayout plates,
      int k,
      int a,
      int b,
      double d,
      boolean contA,
      boolean contB) {
    double px = grid.x(k);
    double py = grid.y(k);
    double pz = grid.z(k);
    // Tangent direction at p pointing from plate a towards plate b.
    double tx = plates.seedX(b) - plates.seedX(a);
    double ty = plates.seedY(b) - plates.seedY(a);
    double tz = plates.seedZ(b) - plates.seedZ(a);
    double radial = tx * px + ty * py + tz * pz;
    tx -= radial * px;
    ty -= radial * py;
    tz -= radial * pz;
    double tlen = Math.sqrt(tx * tx + ty * ty + tz * tz);
    if (tlen < 1e-12) {
      return 0;
    }
    double[] va = new double[3];
    double[] vb = new double[3];
    plates.velocity(a, px, py, pz, va);
    plates.velocity(b, px, py, pz, vb);
    // Positive: the plates approach each other. Speeds are at most 1, so this is in -2..2; clamp
    // to -1..1 so that fast collisions saturate instead of building 10 km ranges.
    double closing =
        Math.max(
            -1,
            Math.min(
                1, ((va[0] - vb[0]) * tx + (va[1] - vb[1]) * ty + (va[2] - vb[2]) * tz) / tlen));
    if (closing > 0) {
      return convergent(closing, d, contA, contB, a < b);
    }
    return divergent(-closing, d, contA, contB);
  }

  private static double convergent(
      double c, double d, boolean contA, boolean contB, boolean aIsLower) {
    if (contA && contB) {
      return 5000 * c * falloff(d, 0.045);
    }
    if (contA) {
      // Overriding continent: a coastal range set back a little from the border.
      return 3800 * c * falloff(d - 0.015, 0.03);
    }
    if (contB) {
      return -4500 * c * falloff(d, 0.015);
    }
    if (aIsLower) {
      return -4000 * c * falloff(d, 0.012);
    }
    return 3500 * c * falloff(d - 0.012, 0.015);
  }

  private static double divergent(double g, double d, boolean contA, boolean contB) {
    if (contA && contB) {
      return -1800 * g * falloff(d, 0.02);
    }
    if (!contA && !contB) {
      return 2200 * g * falloff(d, 0.05);
    }
    return -600 * g * falloff(d, 0.02);
  }

  private static double falloff(double d, double width) {
    double r = d / width;
    return StrictMath.exp(-r * r);
  }

  private static double smoothstep(double x) {
    double t = Math.max(0, Math.min(1, x));
    return t * t * (3 - 2 * t);
  }
}
