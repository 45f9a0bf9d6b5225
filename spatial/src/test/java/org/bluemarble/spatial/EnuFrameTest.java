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

class EnuFrameTest {
  private static final Sphere EARTH = Sphere.EARTH;
  private static final double R = EARTH.radiusMeters();

  @Provide
  Arbitrary<GeoPosition> origins() {
    return Arbitraries.oneOf(SeamPositions.mixed(), SeamPositions.poles());
  }

  @Provide
  Arbitrary<Double> steps() {
    // Mostly movement-sized steps, some continental ones.
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(-5000, 5000).ofScale(4)),
        net.jqwik.api.Tuple.of(1, Arbitraries.doubles().between(-7_000_000, 7_000_000).ofScale(3)));
  }

  @Property
  void stepRoundTripsWithinOneMillimetreEverywhereIncludingPoles(
      @ForAll("origins") GeoPosition origin,
      @ForAll("steps") double east,
      @ForAll("steps") double north,
      @ForAll("steps") double up) {
    EnuFrame frame = EARTH.enuFrame(origin);
    GeoPosition moved = frame.offset(east, north, up);
    EnuOffset back = frame.toLocal(moved);
    assertThat(back.eastMeters()).isCloseTo(east, within(1e-3));
    assertThat(back.northMeters()).isCloseTo(north, within(1e-3));
    assertThat(back.upMeters()).isCloseTo(up, within(1e-6));
    assertThat(EARTH.distanceMeters(origin, moved))
        .isCloseTo(Math.hypot(east, north), within(1e-3));
  }

  @Property
  void positionRoundTripsThroughLocalOffsets(
      @ForAll("origins") GeoPosition origin, @ForAll("origins") GeoPosition target) {
    if (EARTH.distanceMeters(origin, target) > Math.PI * R - 1000) {
      return; // the bearing to a near-antipode is ill-defined
    }
    EnuFrame frame = EARTH.enuFrame(origin);
    GeoPosition back = frame.offset(frame.toLocal(target));
    assertThat(EARTH.distanceMeters(back, target)).isLessThan(1e-3);
  }

  @Test
  void smallStepsMatchTheTangentPlane() {
    EnuFrame frame = EARTH.enuFrame(GeoPosition.of(0, 0));
    GeoPosition north = frame.offset(0, 1000, 0);
    assertThat(north.latitudeDeg()).isCloseTo(Math.toDegrees(1000 / R), within(1e-12));
    assertThat(north.longitudeDeg()).isCloseTo(0, within(1e-12));
    GeoPosition east = frame.offset(1000, 0, 5);
    assertThat(east.longitudeDeg()).isCloseTo(Math.toDegrees(1000 / R), within(1e-12));
    assertThat(east.altitudeMeters()).isEqualTo(5);
  }

  @Test
  void northPoleFrameFollowsTheOriginsMeridian() {
    EnuFrame frame = EARTH.enuFrame(GeoPosition.of(90, 0));
    GeoPosition north = frame.offset(0, 1000, 0);
    assertThat(north.latitudeDeg()).isCloseTo(90 - Math.toDegrees(1000 / R), within(1e-9));
    assertThat(north.longitudeDeg()).isCloseTo(-180, within(1e-6));
    GeoPosition east = frame.offset(1000, 0, 0);
    assertThat(east.longitudeDeg()).isCloseTo(90, within(1e-6));
  }

  @Test
  void southPoleFrameFollowsTheOriginsMeridian() {
    EnuFrame frame = EARTH.enuFrame(GeoPosition.of(-90, 30));
    GeoPosition north = frame.offset(0, 1000, 0);
    assertThat(north.latitudeDeg()).isCloseTo(-90 + Math.toDegrees(1000 / R), within(1e-9));
    assertThat(north.longitudeDeg()).isCloseTo(30, within(1e-6));
    GeoPosition east = frame.offset(1000, 0, 0);
    assertThat(east.longitudeDeg()).isCloseTo(120, within(1e-6));
  }

  @Test
  void zeroStepKeepsThePosition() {
    GeoPosition origin = new GeoPosition(12, 34, 56);
    assertThat(EARTH.enuFrame(origin).offset(0, 0, 0)).isEqualTo(origin);
    assertThat(EARTH.enuFrame(origin).toLocal(origin)).isEqualTo(new EnuOffset(0, 0, 0));
  }

  @Test
  void rejectsNonFiniteSteps() {
    assertThatThrownBy(() -> EARTH.enuFrame(GeoPosition.of(0, 0)).offset(Double.NaN, 0, 0))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("eastMeters");
  }
}
