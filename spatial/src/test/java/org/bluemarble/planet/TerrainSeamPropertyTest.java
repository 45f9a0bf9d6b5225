package org.bluemarble.planet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.geometry.S2Point;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Elevation has no cliffs at the seams of the cube: a walker's half-metre step near a cube corner
 * (where three faces meet), along a face edge or near a pole changes the ground by no more than the
 * terrain's own relief allows. Before the seam blend, steps across an edge near a corner met jumps
 * of 10-35 m on this planet (8 m on the world planet), which the zone refused as slopes.
 */
class TerrainSeamPropertyTest {

  private static final Planet PLANET = TestPlanets.earthLike(42, 6);
  private static final TerrainQuery QUERY = PLANET.terrainQuery();
  private static final double RADIUS = PLANET.config().radiusMeters();
  private static final double STEP_M = 0.5;

  /** Rise over a half-metre step allowed: a slope of ~27°, steeper than any interpolated relief. */
  private static final double MAX_RISE_M = 0.25;

  @Property(tries = 3000)
  void aHalfMetreStepNearACubeCornerNeverMeetsACliff(
      @ForAll @IntRange(min = 0, max = 7) int corner,
      @ForAll @IntRange(min = 0, max = 2) int edge,
      @ForAll @DoubleRange(min = 0, max = 0.001) @Scale(8) double inwards,
      @ForAll @DoubleRange(min = -1, max = 1) double jitter,
      @ForAll @DoubleRange(min = 0, max = 360) double bearing) {
    // A point on one of the three cube edges leaving the corner (up to ~4 km from it), moved up to
    // a metre off the edge, so that the step often crosses from one face to another.
    double[] p = {
      (corner & 1) == 0 ? 1 : -1, (corner & 2) == 0 ? 1 : -1, (corner & 4) == 0 ? 1 : -1
    };
    p[edge] *= 1.0 - inwards;
    assertStepIsGentle(offset(p, jitter, jitter), bearing);
  }

  @Property(tries = 2000)
  void aHalfMetreStepAcrossAFaceEdgeOrNearAPoleNeverMeetsACliff(
      @ForAll @IntRange(min = 0, max = 11) int edge,
      @ForAll @DoubleRange(min = -1, max = 1) double along,
      @ForAll @DoubleRange(min = -2, max = 2) double across,
      @ForAll @DoubleRange(min = 0, max = 360) double bearing) {
    // The 12 cube edges: two coordinates ±1, the third running along the edge.
    int fixedA = edge / 4;
    double[] p = new double[3];
    p[fixedA] = (edge & 1) == 0 ? 1 : -1;
    p[(fixedA + 1) % 3] = (edge & 2) == 0 ? 1 : -1;
    p[(fixedA + 2) % 3] = along;
    assertStepIsGentle(offset(p, across, across / 2), bearing);
    // And near the poles (the centres of faces 2 and 5).
    assertStepIsGentle(
        offset(new double[] {0, 0, along < 0 ? -1 : 1}, across, along * 1000), bearing);
  }

  private static void assertStepIsGentle(double[] from, double bearingDeg) {
    double[] to = step(from, bearingDeg, STEP_M);
    double a = QUERY.elevation(new S2Point(from[0], from[1], from[2]));
    double b = QUERY.elevation(new S2Point(to[0], to[1], to[2]));
    assertThat(Math.abs(b - a))
        .as("rise over %s m from (%s, %s, %s)", STEP_M, from[0], from[1], from[2])
        .isLessThan(MAX_RISE_M);
  }

  /** The unit vector {@code north} and {@code east} metres (local frame) from direction d. */
  private static double[] offset(double[] d, double north, double east) {
    double[] p = normalised(d);
    double[][] frame = frame(p);
    double[] q = new double[3];
    for (int i = 0; i < 3; i++) {
      q[i] = p[i] + (frame[0][i] * north + frame[1][i] * east) / RADIUS;
    }
    return normalised(q);
  }

  private static double[] step(double[] p, double bearingDeg, double metres) {
    double b = Math.toRadians(bearingDeg);
    return offset(p, Math.cos(b) * metres, Math.sin(b) * metres);
  }

  /** Local north and east unit vectors at p (any orthonormal pair at a pole). */
  private static double[][] frame(double[] p) {
    double[] east = {-p[1], p[0], 0};
    double n = Math.hypot(east[0], east[1]);
    if (n < 1e-12) {
      east = new double[] {0, 1, 0};
    } else {
      east[0] /= n;
      east[1] /= n;
    }
    double[] north = {
      p[1] * east[2] - p[2] * east[1],
      p[2] * east[0] - p[0] * east[2],
      p[0] * east[1] - p[1] * east[0]
    };
    return new double[][] {north, east};
  }

  private static double[] normalised(double[] v) {
    double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    return new double[] {v[0] / n, v[1] / n, v[2] / n};
  }
}
