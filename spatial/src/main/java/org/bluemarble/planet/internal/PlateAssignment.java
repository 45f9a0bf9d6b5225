package org.bluemarble.planet.internal;

import java.util.stream.IntStream;

/**
 * Spherical Voronoi plates over the cells of a grid: each cell belongs to the plate whose seed is
 * nearest by angle, after a small noise warp of the cell centre so plate borders wander instead of
 * being straight great-circle arcs. Also records, per cell, the second-nearest plate and the
 * angular distance (radians) to the border with it, which the tectonics stage needs.
 */
public final class PlateAssignment {

  /** Warp strength, as a displacement of the unit vector before re-normalising. */
  private static final double WARP = 0.3;

  private static final double WARP_FREQUENCY = 2.2;

  private final byte[] plate;
  private final byte[] neighbour;
  private final float[] boundaryDistance;

  private PlateAssignment(int cells) {
    plate = new byte[cells];
    neighbour = new byte[cells];
    boundaryDistance = new float[cells];
  }

  /** Assigns every cell of {@code grid}; cells are independent, so this runs in parallel. */
  public static PlateAssignment assign(CellGrid grid, PlateLayout plates, long seed) {
    PlateAssignment result = new PlateAssignment(grid.count());
    GradientNoise wx = new GradientNoise(seed ^ 0x5A17L);
    GradientNoise wy = new GradientNoise(seed ^ 0x5A18L);
    GradientNoise wz = new GradientNoise(seed ^ 0x5A19L);
    IntStream.range(0, grid.count())
        .parallel()
        .forEach(
            k -> {
              double x = grid.x(k);
              double y = grid.y(k);
              double z = grid.z(k);
              double qx = x + WARP * wx.fbm(x, y, z, WARP_FREQUENCY, 5);
              double qy = y + WARP * wy.fbm(x, y, z, WARP_FREQUENCY, 5);
              double qz = z + WARP * wz.fbm(x, y, z, WARP_FREQUENCY, 5);
              double n = Math.sqrt(qx * qx + qy * qy + qz * qz);
              result.assignCell(k, qx / n, qy / n, qz / n, plates);
            });
    return result;
  }

  private void assignCell(int k, double qx, double qy, double qz, PlateLayout plates) {
    int best = 0;
    int second = 0;
    double bestDot = -2;
    double secondDot = -2;
    for (int p = 0; p < plates.count(); p++) {
      double d = qx * plates.seedX(p) + qy * plates.seedY(p) + qz * plates.seedZ(p);
      if (d > bestDot) {
        second = best;
        secondDot = bestDot;
        best = p;
        bestDot = d;
      } else if (d > secondDot) {
        second = p;
        secondDot = d;
      }
    }
    // Distance to the bisecting great circle of seeds a and b: asin(|q·(a-b)| / |a-b|).
    double ax = plates.seedX(best) - plates.seedX(second);
    double ay = plates.seedY(best) - plates.seedY(second);
    double az = plates.seedZ(best) - plates.seedZ(second);
    double len = Math.sqrt(ax * ax + ay * ay + az * az);
    double sin = Math.abs(qx * ax + qy * ay + qz * az) / len;
    plate[k] = (byte) best;
    neighbour[k] = (byte) second;
    boundaryDistance[k] = (float) StrictMath.asin(Math.min(1.0, sin));
  }

  /** Plate of cell k. */
  public int plate(int k) {
    return plate[k];
  }

  /** Second-nearest plate of cell k (the plate across the nearest border). */
  public int neighbour(int k) {
    return neighbour[k];
  }

  /** Angular distance in radians from cell k to the border with {@link #neighbour}. */
  public double boundaryDistance(int k) {
    return boundaryDistance[k];
  }

  /** The plate ids of all cells (shared, not copied). */
  public byte[] plates() {
    return plate;
  }
}
