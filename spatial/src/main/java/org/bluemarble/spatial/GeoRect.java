package org.bluemarble.spatial;

import com.google.common.geometry.R1Interval;
import com.google.common.geometry.S1Interval;
import com.google.common.geometry.S2LatLngRect;
import org.bluemarble.spatial.internal.Coordinates;

/**
 * A latitude/longitude rectangle in degrees, for region queries and bounding boxes. When {@code
 * westDeg > eastDeg} the rectangle crosses the antimeridian: west 170, east -170 spans 20° of
 * longitude around 180. West -180 and east 180 is the full longitude range.
 *
 * @param southDeg southern edge, [-90, 90]
 * @param westDeg western edge, [-180, 180]
 * @param northDeg northern edge, [southDeg, 90]
 * @param eastDeg eastern edge, [-180, 180]
 */
public record GeoRect(double southDeg, double westDeg, double northDeg, double eastDeg) {

  /** Validates the edges; see the component descriptions. */
  public GeoRect {
    Coordinates.requireLatitude("southDeg", southDeg);
    Coordinates.requireLatitude("northDeg", northDeg);
    requireLongitude("westDeg", westDeg);
    requireLongitude("eastDeg", eastDeg);
    if (southDeg > northDeg) {
      throw new InvalidCoordinateException(
          "southDeg", southDeg, "must not exceed northDeg = " + northDeg);
    }
  }

  private static void requireLongitude(String field, double value) {
    Coordinates.requireFinite(field, value);
    if (value < -180.0 || value > 180.0) {
      throw new InvalidCoordinateException(field, value, "must be within [-180, 180] degrees");
    }
  }

  /** Whether the rectangle crosses the antimeridian (west edge east of the east edge). */
  public boolean crossesAntimeridian() {
    return westDeg > eastDeg;
  }

  /** The same rectangle as an S2 region. */
  public S2LatLngRect toS2() {
    R1Interval lat = new R1Interval(Math.toRadians(southDeg), Math.toRadians(northDeg));
    S1Interval lng;
    if (westDeg == -180.0 && eastDeg == 180.0) {
      lng = S1Interval.full();
    } else {
      lng = new S1Interval(Math.toRadians(westDeg), Math.toRadians(eastDeg));
    }
    return new S2LatLngRect(lat, lng);
  }
}
