package org.bluemarble.spatial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluemarble.spatial.internal.Coordinates;
import org.bluemarble.spatial.internal.EquirectangularProjection;
import org.bluemarble.spatial.internal.MercatorProjection;
import org.bluemarble.spatial.internal.MollweideProjection;
import org.bluemarble.spatial.internal.OrthographicProjection;
import org.bluemarble.spatial.internal.PolarStereographicProjection;
import org.bluemarble.spatial.internal.RobinsonProjection;

/**
 * The supported map projections: look one up by name ({@link #byName}, case-insensitive, '_' or ' '
 * may stand for '-') or build one with a factory method; {@link #all()} lists them with their
 * metadata and {@link #catalogue()} flattens that for GET /v1/projections.
 *
 * <p>Names: equirectangular (alias plate-carree), mercator, robinson, mollweide,
 * polar-stereographic-north (alias stereographic-north), polar-stereographic-south (alias
 * stereographic-south), orthographic (centred on the equator at the central meridian when looked up
 * by name).
 */
public final class Projections {
  private interface Factory {
    MapProjection create(Sphere sphere, double centralMeridianDeg);
  }

  private static final Map<String, Factory> CANONICAL = new LinkedHashMap<>();
  private static final Map<String, String> ALIASES =
      Map.of(
          "plate-carree", "equirectangular",
          "stereographic-north", "polar-stereographic-north",
          "stereographic-south", "polar-stereographic-south");

  static {
    CANONICAL.put("equirectangular", Projections::equirectangular);
    CANONICAL.put("mercator", Projections::mercator);
    CANONICAL.put("robinson", Projections::robinson);
    CANONICAL.put("mollweide", Projections::mollweide);
    CANONICAL.put("polar-stereographic-north", Projections::polarStereographicNorth);
    CANONICAL.put("polar-stereographic-south", Projections::polarStereographicSouth);
    CANONICAL.put("orthographic", (sphere, lon0) -> orthographic(sphere, 0.0, lon0));
  }

  private Projections() {}

  /** The canonical names, in listing order. */
  public static List<String> names() {
    return List.copyOf(CANONICAL.keySet());
  }

  /** Every projection on {@link Sphere#EARTH} with central meridian 0, in listing order. */
  public static List<MapProjection> all() {
    return CANONICAL.values().stream().map(f -> f.create(Sphere.EARTH, 0.0)).toList();
  }

  /** One flat description per projection, in listing order, for the projections endpoint. */
  public static List<ProjectionInfo> catalogue() {
    return all().stream().map(ProjectionInfo::of).toList();
  }

  /** The named projection on {@link Sphere#EARTH} with central meridian 0. */
  public static MapProjection byName(String name) {
    return byName(name, Sphere.EARTH, 0.0);
  }

  /**
   * The named projection on {@code sphere} around {@code centralMeridianDeg}.
   *
   * @throws UnknownProjectionException if the name is not supported (the message lists the names)
   */
  public static MapProjection byName(String name, Sphere sphere, double centralMeridianDeg) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    key = key.replace(' ', '-');
    key = ALIASES.getOrDefault(key, key);
    Factory factory = CANONICAL.get(key);
    if (factory == null) {
      throw new UnknownProjectionException(String.valueOf(name), names());
    }
    return factory.create(sphere, centralMeridianDeg);
  }

  /** Plate carrée (equidistant cylindrical), the shape of EPSG:4087. */
  public static MapProjection equirectangular(Sphere sphere, double centralMeridianDeg) {
    return new EquirectangularProjection(sphere, centralMeridianDeg);
  }

  /** Spherical Mercator, latitudes clamped to ±85.0511°. */
  public static MapProjection mercator(Sphere sphere, double centralMeridianDeg) {
    return new MercatorProjection(sphere, centralMeridianDeg);
  }

  /** Robinson, from its published table. */
  public static MapProjection robinson(Sphere sphere, double centralMeridianDeg) {
    return new RobinsonProjection(sphere, centralMeridianDeg);
  }

  /** Mollweide (equal-area). */
  public static MapProjection mollweide(Sphere sphere, double centralMeridianDeg) {
    return new MollweideProjection(sphere, centralMeridianDeg);
  }

  /** Polar stereographic around the north pole; northern hemisphere only. */
  public static MapProjection polarStereographicNorth(Sphere sphere, double centralMeridianDeg) {
    return new PolarStereographicProjection(sphere, centralMeridianDeg, true);
  }

  /** Polar stereographic around the south pole; southern hemisphere only. */
  public static MapProjection polarStereographicSouth(Sphere sphere, double centralMeridianDeg) {
    return new PolarStereographicProjection(sphere, centralMeridianDeg, false);
  }

  /** Orthographic view of the hemisphere centred on (centreLatitudeDeg, centreLongitudeDeg). */
  public static MapProjection orthographic(
      Sphere sphere, double centreLatitudeDeg, double centreLongitudeDeg) {
    Coordinates.requireLatitude("centreLatitudeDeg", centreLatitudeDeg);
    return new OrthographicProjection(sphere, centreLatitudeDeg, centreLongitudeDeg);
  }
}
