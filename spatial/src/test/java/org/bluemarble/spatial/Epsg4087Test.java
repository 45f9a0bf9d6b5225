package org.bluemarble.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class Epsg4087Test {
  private static final double WX = Epsg4087.WIDTH_METERS;
  private static final double WY = Epsg4087.HEIGHT_METERS;

  @Test
  void mapsKnownPointsToTheCompanionFrame() {
    PlanarPoint origin = Epsg4087.toPlanar(GeoPosition.of(0, 0));
    assertThat(origin.x()).isEqualTo(20_037_510.0);
    assertThat(origin.y()).isEqualTo(10_018_755.0);
    PlanarPoint southWest = Epsg4087.toPlanar(-90, -180);
    assertThat(southWest).isEqualTo(new PlanarPoint(0, 0));
    assertThat(Epsg4087.toPlanar(90, 90)).isEqualTo(new PlanarPoint(0.75 * WX, WY));
    assertThat(Epsg4087.toPlanar(0, 180).x()).isEqualTo(0.0);
  }

  @Test
  void wrapsLongitudeAndClampsLatitudeOnTheWayBack() {
    assertThat(Epsg4087.toGeo(WX, WY / 2).longitudeDeg()).isEqualTo(-180.0);
    assertThat(Epsg4087.toGeo(-WX / 4, WY / 2).longitudeDeg()).isCloseTo(90.0, within(1e-9));
    assertThat(Epsg4087.toGeo(2.5 * WX, WY / 2).longitudeDeg()).isCloseTo(0.0, within(1e-9));
    assertThat(Epsg4087.toGeo(0, -5).latitudeDeg()).isEqualTo(-90.0);
    assertThat(Epsg4087.toGeo(0, WY + 1000).latitudeDeg()).isEqualTo(90.0);
  }

  @Test
  void rejectsNonFiniteInput() {
    assertThatThrownBy(() -> Epsg4087.toGeo(Double.NaN, 0))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("x = NaN");
    assertThatThrownBy(() -> Epsg4087.toGeo(0, Double.NEGATIVE_INFINITY))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("y");
    assertThatThrownBy(() -> Epsg4087.toPlanar(-90.01, 0))
        .isInstanceOf(InvalidCoordinateException.class)
        .hasMessageContaining("latitudeDeg");
  }

  @Provide
  Arbitrary<GeoPosition> positions() {
    return SeamPositions.mixed();
  }

  @Property
  void roundTripsWithinOneMillimetre(@ForAll("positions") GeoPosition p) {
    PlanarPoint xy = Epsg4087.toPlanar(p);
    assertThat(xy.x()).isGreaterThanOrEqualTo(0).isLessThan(WX);
    assertThat(xy.y()).isBetween(0.0, WY);
    assertThat(Sphere.EARTH.distanceMeters(p, Epsg4087.toGeo(xy))).isLessThan(1e-3);
  }
}
