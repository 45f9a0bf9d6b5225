package org.bluemarble.edge.port;

import java.time.Instant;

/**
 * A player's profile as the edge shows it.
 *
 * @param position last checkpointed position, or null before the first one
 * @param hostedBy cluster address of the node hosting the player's entity
 */
public record PlayerView(
    String id,
    String name,
    String characterClass,
    GeoPoint position,
    Instant createdAt,
    long revision,
    String hostedBy) {

  /** Latitude and longitude in degrees, altitude in metres. */
  public record GeoPoint(double latitude, double longitude, double altitude) {}
}
