package org.bluemarble.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.geometry.S2Point;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GeoPositionTest {

  @Test
  void rejectsLatitudeBeyondNinetyNamingFieldAndValue() {
    assertThatThrownBy(() -> GeoPosition.of(90.5, 0))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("latitudeDeg")
        .hasMessageContaining("90.5");
    assertThatThrownBy(() -> GeoPosition.of(-91, 0))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("latitudeDeg");
  }

  @Test
  void rejectsNanAndInfinitiesInEveryComponent() {
    assertThatThrownBy(() -> GeoPosition.of(Double.NaN, 0))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("latitudeDeg");
    assertThatThrownBy(() -> GeoPosition.of(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("longitudeDeg")
        .hasMessageContaining("Infinity");
    assertThatThrownBy(() -> new GeoPosition(0, 0, Double.NaN))
        .isInstanceOf(InvalidCoordinateException.class)
        .satisfies(
            e -> assertThat(((InvalidCoordinateException) e).field()).isEqualTo("altitudeMeters"));
  }

  @Test
  void normalisesFiniteLongitudesIntoHalfOpenRange() {
    assertThat(GeoPosition.of(0, 180).longitudeDeg()).isEqualTo(-180.0);
    assertThat(GeoPosition.of(0, 190).longitudeDeg()).isEqualTo(-170.0);
    assertThat(GeoPosition.of(0, -190).longitudeDeg()).isEqualTo(170.0);
    assertThat(GeoPosition.of(0, 540).longitudeDeg()).isEqualTo(-180.0);
    assertThat(GeoPosition.of(0, 720.5).longitudeDeg()).isEqualTo(0.5);
    assertThat(GeoPosition.of(0, Math.nextDown(-180.0)).longitudeDeg())
        .isLessThan(180.0)
        .isGreaterThanOrEqualTo(-180.0);
  }

  @Property
  void keepsInRangeLongitudesBitForBit(@ForAll("longitudesInRange") double lon) {
    assertThat(GeoPosition.of(10, lon).longitudeDeg()).isEqualTo(lon);
  }

  @Provide
  Arbitrary<Double> longitudesInRange() {
    return net.jqwik.api.Arbitraries.doubles()
        .between(-180, 180)
        .ofScale(14)
        .filter(v -> v < 180.0);
  }

  @Property
  void anyFiniteLongitudeLandsInHalfOpenRange(@ForAll("finiteDoubles") double lon) {
    double normalised = GeoPosition.of(0, lon).longitudeDeg();
    assertThat(normalised).isGreaterThanOrEqualTo(-180.0).isLessThan(180.0);
  }

  @Provide
  Arbitrary<Double> finiteDoubles() {
    return net.jqwik.api.Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
  }

  @Property
  void unitVectorRoundTripStaysWithinOneMicrometre(@ForAll("mixed") GeoPosition p) {
    S2Point v = p.toUnitVector();
    assertThat(v.norm()).isCloseTo(1.0, within(1e-15));
    GeoPosition back = GeoPosition.fromUnitVector(v, p.altitudeMeters());
    assertThat(Sphere.EARTH.distanceMeters(p, back)).isLessThan(1e-6);
  }

  @Provide
  Arbitrary<GeoPosition> mixed() {
    return SeamPositions.mixed();
  }

  @Test
  void rejectsZeroVectorAsDirection() {
    assertThatThrownBy(() -> GeoPosition.fromVector(0, 0, 0, 0))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("direction");
  }
}
