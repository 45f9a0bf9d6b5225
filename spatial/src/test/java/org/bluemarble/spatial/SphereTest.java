package org.bluemarble.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class SphereTest {
  private static final Sphere EARTH = Sphere.EARTH;
  private static final double R = EARTH.radiusMeters();

  @Provide
  Arbitrary<GeoPosition> positions() {
    return SeamPositions.mixed();
  }

  @Provide
  Arbitrary<Double> bearings() {
    return Arbitraries.doubles().between(0, 360).ofScale(9);
  }

  @Test
  void validatesRadiusRange() {
    assertThat(EARTH.radiusMeters()).isEqualTo(6_371_000.0);
    assertThat(new Sphere(1_000_000).radiusMeters()).isEqualTo(1_000_000.0);
    assertThat(new Sphere(20_000_000).radiusMeters()).isEqualTo(20_000_000.0);
    assertThatThrownBy(() -> new Sphere(999_999))
        .isInstanceOf(InvalidSphereException.class)
        .hasMessageContaining("radiusMeters = 999999.0");
    assertThatThrownBy(() -> new Sphere(20_000_001)).isInstanceOf(InvalidSphereException.class);
    assertThatThrownBy(() -> new Sphere(Double.NaN)).isInstanceOf(InvalidSphereException.class);
  }

  @Test
  void measuresKnownDistances() {
    assertThat(EARTH.distanceMeters(GeoPosition.of(0, 0), GeoPosition.of(0, 90)))
        .isCloseTo(Math.PI / 2 * R, within(1e-6));
    assertThat(EARTH.distanceMeters(GeoPosition.of(0, 0), GeoPosition.of(90, 0)))
        .isCloseTo(Math.PI / 2 * R, within(1e-6));
    assertThat(EARTH.distanceMeters(GeoPosition.of(0, 179.5), GeoPosition.of(0, -179.5)))
        .isCloseTo(Math.toRadians(1) * R, within(1e-6));
    assertThat(EARTH.distanceMeters(GeoPosition.of(90, 0), GeoPosition.of(90, 123)))
        .isCloseTo(0.0, within(1e-6));
  }

  @Test
  void resolvesMillimetreDistances() {
    double deg = Math.toDegrees(0.001 / R);
    assertThat(EARTH.distanceMeters(GeoPosition.of(45, 10), GeoPosition.of(45 + deg, 10)))
        .isCloseTo(0.001, within(1e-9));
  }

  @Property
  void distanceIsSymmetric(@ForAll("positions") GeoPosition a, @ForAll("positions") GeoPosition b) {
    assertThat(EARTH.distanceMeters(a, b)).isCloseTo(EARTH.distanceMeters(b, a), within(1e-6));
  }

  @Property
  void distanceObeysTriangleInequality(
      @ForAll("positions") GeoPosition a,
      @ForAll("positions") GeoPosition b,
      @ForAll("positions") GeoPosition c) {
    assertThat(EARTH.distanceMeters(a, c))
        .isLessThanOrEqualTo(EARTH.distanceMeters(a, b) + EARTH.distanceMeters(b, c) + 1e-6);
  }

  @Property
  void antipodesAreHalfACircumferenceApart(@ForAll("positions") GeoPosition a) {
    GeoPosition antipode = GeoPosition.of(-a.latitudeDeg(), a.longitudeDeg() + 180.0);
    assertThat(EARTH.distanceMeters(a, antipode)).isCloseTo(Math.PI * R, within(1e-3));
  }

  @Test
  void computesKnownBearings() {
    GeoPosition origin = GeoPosition.of(0, 0);
    assertThat(EARTH.initialBearingDeg(origin, GeoPosition.of(0, 10))).isCloseTo(90, within(1e-9));
    assertThat(EARTH.initialBearingDeg(origin, GeoPosition.of(10, 0))).isCloseTo(0, within(1e-9));
    assertThat(EARTH.initialBearingDeg(origin, GeoPosition.of(0, -10)))
        .isCloseTo(270, within(1e-9));
    assertThat(EARTH.initialBearingDeg(origin, GeoPosition.of(-10, 0)))
        .isCloseTo(180, within(1e-9));
    assertThat(EARTH.initialBearingDeg(GeoPosition.of(0, 179), GeoPosition.of(0, -179)))
        .isCloseTo(90, within(1e-9));
    assertThat(EARTH.initialBearingDeg(origin, origin)).isEqualTo(0.0);
  }

  @Property
  void destinationFollowsBearingAndDistance(
      @ForAll("positions") GeoPosition a, @ForAll("positions") GeoPosition b) {
    double distance = EARTH.distanceMeters(a, b);
    if (distance > Math.PI * R - 1000) {
      return; // near antipodes the bearing is ill-defined; covered by the interpolation test
    }
    GeoPosition reached = EARTH.destination(a, EARTH.initialBearingDeg(a, b), distance);
    assertThat(EARTH.distanceMeters(reached, b)).isLessThan(1e-3);
  }

  @Property
  void destinationTravelsTheRequestedDistance(
      @ForAll("positions") GeoPosition a,
      @ForAll("bearings") double bearing,
      @ForAll("distances") double distance) {
    GeoPosition reached = EARTH.destination(a, bearing, distance);
    assertThat(EARTH.distanceMeters(a, reached)).isCloseTo(distance, within(1e-3));
    assertThat(reached.altitudeMeters()).isEqualTo(a.altitudeMeters());
  }

  @Provide
  Arbitrary<Double> distances() {
    return Arbitraries.doubles().between(0, 20_015_000).ofScale(3);
  }

  @Test
  void travelsAcrossThePoleAlongTheOppositeMeridian() {
    GeoPosition start = GeoPosition.of(89, 20);
    GeoPosition reached = EARTH.destination(start, 0, Math.toRadians(2) * R);
    assertThat(reached.latitudeDeg()).isCloseTo(89, within(1e-9));
    assertThat(reached.longitudeDeg()).isCloseTo(-160, within(1e-9));
  }

  @Property
  void interpolationStaysOnTheGreatCircle(
      @ForAll("positions") GeoPosition a,
      @ForAll("positions") GeoPosition b,
      @ForAll("fractions") double f) {
    double total = EARTH.distanceMeters(a, b);
    if (total > Math.PI * R - 1000) {
      return;
    }
    GeoPosition p = EARTH.interpolate(a, b, f);
    assertThat(EARTH.distanceMeters(a, p)).isCloseTo(f * total, within(1e-3));
    assertThat(EARTH.distanceMeters(p, b)).isCloseTo((1 - f) * total, within(1e-3));
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1).ofScale(6);
  }

  @Test
  void interpolatesAltitudeAndHitsEndpoints() {
    GeoPosition a = new GeoPosition(10, 170, 100);
    GeoPosition b = new GeoPosition(-10, -170, 300);
    assertThat(EARTH.interpolate(a, b, 0.5).altitudeMeters()).isCloseTo(200, within(1e-9));
    assertThat(EARTH.distanceMeters(EARTH.interpolate(a, b, 0), a)).isLessThan(1e-6);
    assertThat(EARTH.distanceMeters(EARTH.interpolate(a, b, 1), b)).isLessThan(1e-3);
    GeoPosition mid = EARTH.interpolate(a, b, 0.5);
    assertThat(mid.latitudeDeg()).isCloseTo(0, within(1e-9));
    assertThat(mid.longitudeDeg()).isCloseTo(-180, within(1e-9));
  }

  @Test
  void rejectsInterpolationBetweenAntipodesAndBadFractions() {
    assertThatThrownBy(() -> EARTH.interpolate(GeoPosition.of(0, 0), GeoPosition.of(0, 180), 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("antipodal");
    assertThatThrownBy(() -> EARTH.interpolate(GeoPosition.of(0, 0), GeoPosition.of(1, 1), 1.5))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("fraction");
    assertThatThrownBy(() -> EARTH.destination(GeoPosition.of(0, 0), Double.NaN, 1))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("bearingDeg");
  }
}
