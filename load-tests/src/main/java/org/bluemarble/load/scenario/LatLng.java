package org.bluemarble.load.scenario;

/** A point on the planet in degrees; longitude normalised to [-180, 180). */
public record LatLng(double latDeg, double lngDeg) {

  /** Validates the ranges. */
  public LatLng {
    if (!(latDeg >= -90 && latDeg <= 90)) {
      throw new IllegalArgumentException("latitude must be in [-90, 90], was " + latDeg);
    }
    if (!Double.isFinite(lngDeg)) {
      throw new IllegalArgumentException("longitude must be finite, was " + lngDeg);
    }
    lngDeg = ((lngDeg + 180) % 360 + 360) % 360 - 180;
  }

  /** Parses {@code "lat,lon"}, e.g. {@code "-21.0,-27.0"}. */
  public static LatLng parse(String text) {
    String[] parts = text.split(",");
    if (parts.length != 2) {
      throw new IllegalArgumentException("expected lat,lon (degrees), was '" + text + "'");
    }
    try {
      return new LatLng(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected lat,lon (degrees), was '" + text + "'", e);
    }
  }

  @Override
  public String toString() {
    return latDeg + "," + lngDeg;
  }
}
