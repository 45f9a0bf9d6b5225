package org.bluemarble.spatial.internal;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.OutsideProjectionDomainException;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.Sphere;

/**
 * Shared validation for the projections: checks inputs, reduces longitudes to the offset from the
 * central meridian and turns results back into positions.
 */
public abstract class AbstractProjection implements MapProjection {
  /** Planar slack in metres accepted at the map outline, for points computed with rounding. */
  protected static final double OUTLINE_TOLERANCE_METERS = 1e-6;

  private final Sphere sphere;
  private final double centralMeridianDeg;

  /** Radius in metres, cached from the sphere. */
  protected final double radius;

  protected AbstractProjection(Sphere sphere, double centralMeridianDeg) {
    this.sphere = sphere;
    this.centralMeridianDeg =
        Coordinates.normaliseLongitude("centralMeridianDeg", centralMeridianDeg);
    this.radius = sphere.radiusMeters();
  }

  @Override
  public final Sphere sphere() {
    return sphere;
  }

  @Override
  public final double centralMeridianDeg() {
    return centralMeridianDeg;
  }

  @Override
  public final boolean accepts(double latitudeDeg, double longitudeDeg) {
    if (!Double.isFinite(latitudeDeg) || Math.abs(latitudeDeg) > 90.0) {
      return false;
    }
    if (!Double.isFinite(longitudeDeg)) {
      return false;
    }
    return inDomain(latitudeDeg, Coordinates.wrapLongitude(longitudeDeg - centralMeridianDeg));
  }

  @Override
  public final PlanarPoint forward(double latitudeDeg, double longitudeDeg) {
    Coordinates.requireLatitude("latitudeDeg", latitudeDeg);
    double lon = Coordinates.normaliseLongitude("longitudeDeg", longitudeDeg);
    return project(latitudeDeg, Coordinates.wrapLongitude(lon - centralMeridianDeg));
  }

  @Override
  public final GeoPosition inverse(double x, double y) {
    Coordinates.requireFinite("x", x);
    Coordinates.requireFinite("y", y);
    return unproject(x, y);
  }

  /** Whether (latitude, longitude offset from the central meridian) is in the domain. */
  protected abstract boolean inDomain(double latitudeDeg, double deltaLonDeg);

  /**
   * Projects a validated latitude and a longitude offset from the central meridian in [-180, 180).
   */
  protected abstract PlanarPoint project(double latitudeDeg, double deltaLonDeg);

  /** Inverts finite planar coordinates. */
  protected abstract GeoPosition unproject(double x, double y);

  /** The position at a latitude and a longitude offset (radians) from the central meridian. */
  protected final GeoPosition position(double latitudeDeg, double deltaLonRad) {
    double lat = Math.max(-90.0, Math.min(90.0, latitudeDeg));
    return GeoPosition.of(lat, centralMeridianDeg + Math.toDegrees(deltaLonRad));
  }

  /** Rejects a planar coordinate whose magnitude exceeds {@code limit} (plus the tolerance). */
  protected final double requireWithin(String field, double value, double limit) {
    if (Math.abs(value) > limit + OUTLINE_TOLERANCE_METERS) {
      throw outside(field + " = " + value + " is outside [" + -limit + ", " + limit + "] m");
    }
    return Math.max(-limit, Math.min(limit, value));
  }

  /** An exception naming this projection. */
  protected final OutsideProjectionDomainException outside(String detail) {
    return new OutsideProjectionDomainException(
        name() + " projection: " + detail + "; domain: " + domain().description());
  }

  @Override
  public String toString() {
    return name() + "(R=" + radius + " m, centralMeridian=" + centralMeridianDeg + "°)";
  }
}
