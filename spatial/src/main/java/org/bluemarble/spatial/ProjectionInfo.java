package org.bluemarble.spatial;

/**
 * A flat, serialisable description of a supported projection, one row of GET /v1/projections.
 *
 * @param name canonical name for {@link Projections#byName}
 * @param preservesArea equal-area
 * @param preservesAngles conformal
 * @param preservesDistance equidistant along some family of lines
 * @param centralMeridianDeg default central meridian, degrees
 * @param minLatitudeDeg southern edge of the domain, degrees
 * @param maxLatitudeDeg northern edge of the domain, degrees
 * @param domain the domain in words
 */
public record ProjectionInfo(
    String name,
    boolean preservesArea,
    boolean preservesAngles,
    boolean preservesDistance,
    double centralMeridianDeg,
    double minLatitudeDeg,
    double maxLatitudeDeg,
    String domain) {

  /** The description of {@code projection}. */
  public static ProjectionInfo of(MapProjection projection) {
    ProjectionProperties p = projection.properties();
    ProjectionDomain d = projection.domain();
    return new ProjectionInfo(
        projection.name(),
        p.preservesArea(),
        p.preservesAngles(),
        p.preservesDistance(),
        projection.centralMeridianDeg(),
        d.minLatitudeDeg(),
        d.maxLatitudeDeg(),
        d.description());
  }
}
