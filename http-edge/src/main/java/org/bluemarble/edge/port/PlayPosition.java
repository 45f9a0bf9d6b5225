package org.bluemarble.edge.port;

/**
 * A position on the planet at the play port: latitude and longitude in degrees, altitude in metres
 * above the planet's sea-level sphere.
 */
public record PlayPosition(double latitudeDeg, double longitudeDeg, double altitudeMeters) {}
