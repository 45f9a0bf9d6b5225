package org.bluemarble.spatial;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of positions that favour the seams: poles, the antimeridian and S2 cube-face edges and
 * corners, mixed with random positions everywhere.
 */
final class SeamPositions {
  /** Latitude of the cube corners, atan(1/√2) in degrees. */
  static final double CORNER_LATITUDE = Math.toDegrees(Math.atan(1 / Math.sqrt(2)));

  private SeamPositions() {}

  static Arbitrary<Double> latitudes() {
    return Arbitraries.doubles()
        .between(-90, 90)
        .ofScale(12)
        .withSpecialValue(90.0)
        .withSpecialValue(-90.0)
        .withSpecialValue(0.0);
  }

  static Arbitrary<Double> longitudes() {
    return Arbitraries.doubles()
        .between(-180, 180)
        .ofScale(12)
        .withSpecialValue(180.0)
        .withSpecialValue(-180.0)
        .withSpecialValue(Math.nextDown(180.0));
  }

  static Arbitrary<GeoPosition> anywhere() {
    return Combinators.combine(latitudes(), longitudes()).as(GeoPosition::of);
  }

  static Arbitrary<GeoPosition> poles() {
    return Combinators.combine(Arbitraries.of(90.0, -90.0, 89.9999999, -89.9999999), longitudes())
        .as(GeoPosition::of);
  }

  static Arbitrary<GeoPosition> antimeridian() {
    return Combinators.combine(
            latitudes(),
            Arbitraries.of(180.0, -180.0, 179.9999999, -179.9999999, Math.nextDown(180.0)))
        .as(GeoPosition::of);
  }

  /** Points on the edges between cube faces and at the cube's corners. */
  static Arbitrary<GeoPosition> cubeFaceEdges() {
    Arbitrary<GeoPosition> verticalEdges =
        Combinators.combine(
                Arbitraries.doubles().between(-35.26, 35.26).ofScale(12),
                Arbitraries.of(45.0, 135.0, -45.0, -135.0))
            .as(GeoPosition::of);
    Arbitrary<GeoPosition> corners =
        Combinators.combine(
                Arbitraries.of(CORNER_LATITUDE, -CORNER_LATITUDE),
                Arbitraries.of(45.0, 135.0, -45.0, -135.0))
            .as(GeoPosition::of);
    // The edges of the polar faces through the middle of a side: latitude 45° on meridians 0/90/...
    Arbitrary<GeoPosition> polarEdges =
        Combinators.combine(Arbitraries.of(45.0, -45.0), Arbitraries.of(0.0, 90.0, 180.0, -90.0))
            .as(GeoPosition::of);
    return Arbitraries.oneOf(verticalEdges, corners, polarEdges);
  }

  /** Random positions, a third of them on a seam. */
  static Arbitrary<GeoPosition> mixed() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, anywhere()),
        net.jqwik.api.Tuple.of(1, poles()),
        net.jqwik.api.Tuple.of(1, antimeridian()),
        net.jqwik.api.Tuple.of(1, cubeFaceEdges()));
  }
}
