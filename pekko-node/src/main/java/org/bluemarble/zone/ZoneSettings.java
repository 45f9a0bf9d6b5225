package org.bluemarble.zone;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;

/**
 * The tunables of a zone cell's simulation, validated on construction. {@link #defaults(Sphere)}
 * gives the values the issue asks for; the lead maps HOCON keys onto this record.
 *
 * @param sphere the planet
 * @param zoneLevel S2 level of the zone cells; by default {@link SpatialCells#zoneLevel} for the
 *     AOI radius, which on Earth is level 13 for 250 m (smallest cell edge 733 m ≥ 2 × 250 m)
 * @param tickHz simulation ticks per second, 1..240 (default 60)
 * @param snapshotHz snapshots per second sent to each player, 1..tickHz (default 20)
 * @param aoiRadiusMeters area-of-interest radius along the surface, > 0 and at most half the zone
 *     level's smallest cell edge (default 250 m)
 * @param maxSpeedMps walking/running speed limit per class in m/s, each in (0, 100]; defaults: a
 *     warrior 6.0 (armoured run), a ranger 7.0 (light and quick), a mage 5.5, a healer 5.5
 * @param maxSlopeDeg steepest ground a walker may climb or descend in one step, (0, 90) (default
 *     45)
 * @param deepOceanThresholdMeters elevation below which water is too deep to walk, ≤ 0 (default -2)
 * @param checkpointInterval how often a player's position is checkpointed, 1 s..10 s (default 10 s)
 */
public record ZoneSettings(
    Sphere sphere,
    int zoneLevel,
    int tickHz,
    int snapshotHz,
    double aoiRadiusMeters,
    Map<CharacterClass, Double> maxSpeedMps,
    double maxSlopeDeg,
    double deepOceanThresholdMeters,
    Duration checkpointInterval) {

  /** Default AOI radius in metres. */
  public static final double DEFAULT_AOI_RADIUS_METERS = 250.0;

  /** Validates every field; see the record comment for the ranges. */
  public ZoneSettings {
    if (sphere == null) {
      throw new InvalidZoneSettingsException("sphere", null, "must be given");
    }
    if (!(aoiRadiusMeters > 0.0) || Double.isInfinite(aoiRadiusMeters)) {
      throw new InvalidZoneSettingsException("aoiRadiusMeters", aoiRadiusMeters, "must be > 0");
    }
    if (zoneLevel < 0 || zoneLevel > SpatialCells.MAX_LEVEL) {
      throw new InvalidZoneSettingsException("zoneLevel", zoneLevel, "must be within [0, 30]");
    }
    double edge = SpatialCells.minEdgeMeters(sphere, zoneLevel);
    if (edge < 2.0 * aoiRadiusMeters) {
      throw new InvalidZoneSettingsException(
          "aoiRadiusMeters",
          aoiRadiusMeters,
          "must be at most half the smallest cell edge at level "
              + zoneLevel
              + " ("
              + edge
              + " m)");
    }
    if (tickHz < 1 || tickHz > 240) {
      throw new InvalidZoneSettingsException("tickHz", tickHz, "must be within [1, 240]");
    }
    if (snapshotHz < 1 || snapshotHz > tickHz) {
      throw new InvalidZoneSettingsException(
          "snapshotHz", snapshotHz, "must be within [1, tickHz = " + tickHz + "]");
    }
    if (maxSpeedMps == null) {
      throw new InvalidZoneSettingsException("maxSpeedMps", null, "must be given");
    }
    EnumMap<CharacterClass, Double> speeds = new EnumMap<>(CharacterClass.class);
    for (CharacterClass c : CharacterClass.values()) {
      Double v = maxSpeedMps.get(c);
      if (v == null || !(v > 0.0 && v <= 100.0)) {
        throw new InvalidZoneSettingsException(
            "maxSpeedMps." + c.name(), v, "must be within (0, 100] m/s");
      }
      speeds.put(c, v);
    }
    maxSpeedMps = Map.copyOf(speeds);
    if (!(maxSlopeDeg > 0.0 && maxSlopeDeg < 90.0)) {
      throw new InvalidZoneSettingsException("maxSlopeDeg", maxSlopeDeg, "must be within (0, 90)");
    }
    if (!(deepOceanThresholdMeters <= 0.0) || Double.isInfinite(deepOceanThresholdMeters)) {
      throw new InvalidZoneSettingsException(
          "deepOceanThresholdMeters", deepOceanThresholdMeters, "must be finite and <= 0");
    }
    if (checkpointInterval == null
        || checkpointInterval.compareTo(Duration.ofSeconds(1)) < 0
        || checkpointInterval.compareTo(Duration.ofSeconds(10)) > 0) {
      throw new InvalidZoneSettingsException(
          "checkpointInterval", checkpointInterval, "must be within [1 s, 10 s]");
    }
  }

  /** The defaults listed in the record comment for {@code sphere}. */
  public static ZoneSettings defaults(Sphere sphere) {
    return new ZoneSettings(
        sphere,
        SpatialCells.zoneLevel(sphere, DEFAULT_AOI_RADIUS_METERS),
        60,
        20,
        DEFAULT_AOI_RADIUS_METERS,
        Map.of(
            CharacterClass.WARRIOR, 6.0,
            CharacterClass.RANGER, 7.0,
            CharacterClass.MAGE, 5.5,
            CharacterClass.HEALER, 5.5),
        45.0,
        -2.0,
        Duration.ofSeconds(10));
  }

  /** The speed limit of {@code characterClass} in m/s. */
  public double maxSpeedOf(CharacterClass characterClass) {
    return maxSpeedMps.get(characterClass);
  }

  /** The length of one tick in seconds. */
  public double tickSeconds() {
    return 1.0 / tickHz;
  }

  /** A copy with another tick rate (snapshot rate lowered to it if needed). */
  public ZoneSettings withTickHz(int newTickHz) {
    return new ZoneSettings(
        sphere,
        zoneLevel,
        newTickHz,
        Math.min(snapshotHz, newTickHz),
        aoiRadiusMeters,
        maxSpeedMps,
        maxSlopeDeg,
        deepOceanThresholdMeters,
        checkpointInterval);
  }
}
