package org.bluemarble.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionsTest {
  private static final double R = Sphere.EARTH.radiusMeters();
  private static final Sphere WGS84_SPHERE = new Sphere(6_378_137);

  private static void assertXy(PlanarPoint p, double x, double y) {
    assertThat(p.x()).as("x").isCloseTo(x, within(1e-6));
    assertThat(p.y()).as("y").isCloseTo(y, within(1e-6));
  }

  @Test
  void mercatorMatchesKnownValues() {
    MapProjection mercator = Projections.mercator(WGS84_SPHERE, 0);
    assertThat(mercator.forward(0, 45).x()).isCloseTo(5_009_377.0857, within(1e-4));
    double r = WGS84_SPHERE.radiusMeters();
    assertXy(mercator.forward(45, 0), 0, r * Math.log(Math.tan(Math.toRadians(67.5))));
    assertThat(mercator.forward(45, 0).y()).isCloseTo(5_621_521.486, within(1e-3));
    assertXy(mercator.forward(85.0511287798066, 180), -Math.PI * r, Math.PI * r);
  }

  @Test
  void mercatorClampsBeyondEightyFiveDegrees() {
    MapProjection mercator = Projections.byName("mercator");
    assertThat(mercator.forward(89.9, 10)).isEqualTo(mercator.forward(85.0511287798066, 10));
    assertThat(mercator.forward(-90, 10).y()).isCloseTo(-Math.PI * R, within(1e-6));
    assertThat(mercator.accepts(85.06, 0)).isFalse();
    assertThat(mercator.accepts(85.05, 0)).isTrue();
    assertThat(mercator.domain().maxLatitudeDeg()).isCloseTo(85.0511, within(1e-4));
  }

  @Test
  void centralMeridianMapsToZero() {
    MapProjection mercator = Projections.mercator(Sphere.EARTH, 100);
    assertThat(mercator.forward(0, 100).x()).isEqualTo(0.0);
    assertThat(mercator.forward(0, -170).x()).isCloseTo(Math.PI / 2 * R, within(1e-6));
    assertThat(mercator.inverse(0, 0).longitudeDeg()).isEqualTo(100.0);
  }

  @Test
  void equirectangularIsLinearInDegrees() {
    MapProjection p = Projections.byName("equirectangular");
    assertXy(p.forward(45, 90), Math.PI / 2 * R, Math.PI / 4 * R);
    assertXy(p.forward(-90, -180), -Math.PI * R, -Math.PI / 2 * R);
  }

  @Test
  void robinsonHitsItsTableRows() {
    MapProjection p = Projections.byName("robinson");
    assertXy(p.forward(45, 90), 0.8487 * R * 0.8962 * Math.PI / 2, 1.3523 * R * 0.5571);
    assertXy(p.forward(-90, -180), -0.8487 * R * 0.5322 * Math.PI, -1.3523 * R);
    assertXy(p.forward(0, 0), 0, 0);
    assertXy(p.forward(-20, 30), 0.8487 * R * 0.9822 * Math.PI / 6, -1.3523 * R * 0.2480);
  }

  @Test
  void mollweideMapsPolesAndEquatorOntoTheEllipse() {
    MapProjection p = Projections.byName("mollweide");
    double sqrt2 = Math.sqrt(2);
    assertXy(p.forward(90, 123), 0, sqrt2 * R);
    assertXy(p.forward(-90, 0), 0, -sqrt2 * R);
    assertXy(p.forward(0, 90), sqrt2 * R, 0);
    assertXy(p.forward(0, -180), -2 * sqrt2 * R, 0);
    // θ = 30° solves 2θ + sin 2θ = π sin φ for sin φ = (π/3 + √3/2) / π.
    double lat = Math.toDegrees(Math.asin((Math.PI / 3 + Math.sqrt(3) / 2) / Math.PI));
    assertXy(p.forward(lat, 90), sqrt2 * R * Math.cos(Math.toRadians(30)), sqrt2 * R * 0.5);
  }

  @Test
  void mollweideInvertsTheOutlineNextToThePoles() {
    // Found by a long property run: y there barely determines the ellipse's width.
    MapProjection p = Projections.byName("mollweide");
    GeoPosition nearPole = GeoPosition.of(89.9999999, 179.996357400752);
    GeoPosition back = p.inverse(p.forward(nearPole));
    assertThat(Sphere.EARTH.distanceMeters(nearPole, back)).isLessThan(1e-3);
  }

  @Test
  void mollweideIsEqualArea() {
    // The band between the equator and latitude φ covers (sin φ)/2 of a hemisphere's area; on the
    // map it is the part of the ellipse below y. Both fractions must agree.
    MapProjection p = Projections.byName("mollweide");
    double lat = 40;
    double y = p.forward(lat, 0).y() / (Math.sqrt(2) * R);
    double theta = Math.asin(y);
    double ellipseFraction = (2 * theta + Math.sin(2 * theta)) / Math.PI;
    assertThat(ellipseFraction).isCloseTo(Math.sin(Math.toRadians(lat)), within(1e-12));
  }

  @Test
  void polarStereographicMapsTheEquatorToTwiceTheRadius() {
    MapProjection north = Projections.byName("polar-stereographic-north");
    assertXy(north.forward(90, 77), 0, 0);
    assertXy(north.forward(0, 90), 2 * R, 0);
    assertXy(north.forward(0, 0), 0, -2 * R);
    assertXy(north.forward(60, 0), 0, -2 * R * Math.tan(Math.toRadians(15)));
    MapProjection south = Projections.byName("stereographic-south");
    assertXy(south.forward(-90, 0), 0, 0);
    assertXy(south.forward(0, 0), 0, 2 * R);
    assertXy(south.forward(0, 90), 2 * R, 0);
  }

  @Test
  void polarStereographicRejectsTheOtherHemisphere() {
    assertThatThrownBy(() -> Projections.byName("polar-stereographic-north").forward(-0.1, 0))
        .isInstanceOf(OutsideProjectionDomainException.class)
        .hasMessageContaining("latitudeDeg = -0.1");
    assertThatThrownBy(() -> Projections.byName("polar-stereographic-south").forward(10, 0))
        .isInstanceOf(OutsideProjectionDomainException.class);
    assertThatThrownBy(() -> Projections.byName("polar-stereographic-north").inverse(2.1 * R, 0))
        .isInstanceOf(OutsideProjectionDomainException.class);
  }

  @Test
  void orthographicShowsTheNearHemisphereAndRejectsTheFarSide() {
    MapProjection p = Projections.byName("orthographic");
    assertXy(p.forward(0, 90), R, 0);
    assertXy(p.forward(90, 0), 0, R);
    assertXy(p.forward(45, 0), 0, R * Math.sin(Math.toRadians(45)));
    assertThatThrownBy(() -> p.forward(0, 120))
        .isInstanceOf(OutsideProjectionDomainException.class)
        .hasMessageContaining("far side");
    assertThatThrownBy(() -> p.forward(-10, 180))
        .isInstanceOf(OutsideProjectionDomainException.class);
    assertThatThrownBy(() -> p.inverse(R, R)).isInstanceOf(OutsideProjectionDomainException.class);
    MapProjection polar = Projections.orthographic(Sphere.EARTH, 90, 0);
    assertXy(polar.forward(0, 90), R, 0);
    assertXy(polar.forward(0, 0), 0, -R);
    assertThat(polar.accepts(-1, 0)).isFalse();
  }

  @Test
  void inversesRejectPointsOutsideTheMap() {
    assertThatThrownBy(() -> Projections.byName("mercator").inverse(0, 4 * R))
        .isInstanceOf(OutsideProjectionDomainException.class)
        .hasMessageContaining("y = ");
    assertThatThrownBy(() -> Projections.byName("equirectangular").inverse(3.2 * R, 0))
        .isInstanceOf(OutsideProjectionDomainException.class)
        .hasMessageContaining("x = ");
    double sqrt2 = Math.sqrt(2);
    assertThatThrownBy(
            () -> Projections.byName("mollweide").inverse(2 * sqrt2 * R * 0.9, sqrt2 * R * 0.9))
        .isInstanceOf(OutsideProjectionDomainException.class);
    assertThatThrownBy(() -> Projections.byName("robinson").inverse(0, 1.36 * R))
        .isInstanceOf(OutsideProjectionDomainException.class);
  }

  @Test
  void rejectsNonFiniteAndOutOfRangeInputForEveryProjection() {
    for (MapProjection p : Projections.all()) {
      assertThatThrownBy(() -> p.forward(91, 0))
          .as(p.name())
          .isInstanceOf(InvalidCoordinateException.class)
          .hasMessageContaining("latitudeDeg = 91.0");
      assertThatThrownBy(() -> p.forward(0, Double.NaN))
          .as(p.name())
          .isInstanceOf(InvalidCoordinateException.class)
          .hasMessageContaining("longitudeDeg");
      assertThatThrownBy(() -> p.inverse(Double.POSITIVE_INFINITY, 0))
          .as(p.name())
          .isInstanceOf(InvalidCoordinateException.class)
          .hasMessageContaining("x = Infinity");
      assertThat(p.accepts(Double.NaN, 0)).isFalse();
    }
  }

  @Test
  void looksUpNamesCaseInsensitivelyWithAliases() {
    assertThat(Projections.byName("MERCATOR").name()).isEqualTo("mercator");
    assertThat(Projections.byName(" Polar_Stereographic_North ").name())
        .isEqualTo("polar-stereographic-north");
    assertThat(Projections.byName("plate carree").name()).isEqualTo("equirectangular");
    assertThat(Projections.byName("Robinson", new Sphere(2_000_000), 30).centralMeridianDeg())
        .isEqualTo(30.0);
  }

  @Test
  void unknownNameListsTheSupportedProjections() {
    assertThatThrownBy(() -> Projections.byName("gall-peters"))
        .isInstanceOf(UnknownProjectionException.class)
        .hasMessageContaining("gall-peters")
        .hasMessageContaining("mercator")
        .hasMessageContaining("orthographic")
        .satisfies(
            e ->
                assertThat(((UnknownProjectionException) e).supportedNames())
                    .isEqualTo(Projections.names()));
    assertThatThrownBy(() -> Projections.byName(null))
        .isInstanceOf(UnknownProjectionException.class);
  }

  @Test
  void listsEveryProjectionWithItsMetadata() {
    List<MapProjection> all = Projections.all();
    assertThat(all)
        .extracting(MapProjection::name)
        .containsExactly(
            "equirectangular",
            "mercator",
            "robinson",
            "mollweide",
            "polar-stereographic-north",
            "polar-stereographic-south",
            "orthographic");
    assertThat(Projections.byName("mercator").properties())
        .isEqualTo(new ProjectionProperties(false, true, false));
    assertThat(Projections.byName("mollweide").properties())
        .isEqualTo(new ProjectionProperties(true, false, false));
    assertThat(Projections.byName("equirectangular").properties())
        .isEqualTo(new ProjectionProperties(false, false, true));
    assertThat(Projections.byName("robinson").properties())
        .isEqualTo(new ProjectionProperties(false, false, false));
    assertThat(all).allSatisfy(p -> assertThat(p.domain().description()).isNotBlank());
    assertThat(all).allSatisfy(p -> assertThat(p.sphere()).isEqualTo(Sphere.EARTH));
    List<ProjectionInfo> catalogue = Projections.catalogue();
    assertThat(catalogue).extracting(ProjectionInfo::name).isEqualTo(Projections.names());
    ProjectionInfo mercator = catalogue.get(1);
    assertThat(mercator.preservesAngles()).isTrue();
    assertThat(mercator.maxLatitudeDeg()).isCloseTo(85.0511, within(1e-4));
  }
}
