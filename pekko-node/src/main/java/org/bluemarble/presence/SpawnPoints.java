package org.bluemarble.presence;

import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.zone.PlayerIds;
import org.bluemarble.zone.Terrain;
import org.bluemarble.zone.ZoneSettings;

/**
 * Where a new character (no checkpoint yet) enters the world: near the configured spawn point
 * ({@code bluemarble.world.spawn-latitude/-longitude}), spread by a hash of the player id over
 * about ±50 m so that new players do not stand on one spot, on the first walkable candidate (not
 * deep ocean) of a growing ring, at ground height.
 */
final class SpawnPoints {
  private static final double SPREAD_DEG = 0.0005;
  private static final int RINGS = 40;

  private final double latitudeDeg;
  private final double longitudeDeg;
  private final Terrain terrain;
  private final double deepOceanThreshold;

  SpawnPoints(double latitudeDeg, double longitudeDeg, Terrain terrain, ZoneSettings zone) {
    this.latitudeDeg = latitudeDeg;
    this.longitudeDeg = longitudeDeg;
    this.terrain = terrain;
    this.deepOceanThreshold = zone.deepOceanThresholdMeters();
  }

  PlayPosition spawnFor(String playerId) {
    long h = PlayerIds.simulationId(playerId);
    double dLat = ((h & 0xffff) / 65535.0 - 0.5) * 2 * SPREAD_DEG;
    double dLng = (((h >>> 16) & 0xffff) / 65535.0 - 0.5) * 2 * SPREAD_DEG;
    for (int ring = 0; ring < RINGS; ring++) {
      double lat = clampLat(latitudeDeg + dLat + ring * 0.01 * Math.sin(ring));
      double lng = wrapLng(longitudeDeg + dLng + ring * 0.01 * Math.cos(ring));
      if (!terrain.isDeepOcean(lat, lng, deepOceanThreshold)) {
        return new PlayPosition(lat, lng, Math.max(0.0, terrain.elevationMeters(lat, lng)));
      }
    }
    double lat = clampLat(latitudeDeg + dLat);
    double lng = wrapLng(longitudeDeg + dLng);
    return new PlayPosition(lat, lng, Math.max(0.0, terrain.elevationMeters(lat, lng)));
  }

  private static double clampLat(double lat) {
    return Math.max(-89.9, Math.min(89.9, lat));
  }

  private static double wrapLng(double lng) {
    return lng > 180 ? lng - 360 : lng < -180 ? lng + 360 : lng;
  }
}
