package org.bluemarble.zone;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.bluemarble.config.SettingsException;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;

/**
 * The {@code bluemarble.zone} section read once at start: the simulation's {@link ZoneSettings},
 * how long idle cells live, and where cells are placed. Invalid values fail with a {@link
 * SettingsException} naming the key.
 *
 * @param settings the simulation tunables
 * @param idleTimeout how long an empty, unwatched cell lives
 * @param placement which shard (and so node) hosts a cell
 */
public record ZoneConfig(ZoneSettings settings, Duration idleTimeout, CellPlacement placement) {
  private static final String PREFIX = "bluemarble.zone.";

  /**
   * Reads {@code zone} (the {@code bluemarble.zone} section) for a planet {@code sphere}.
   *
   * @throws SettingsException naming the first key that is missing or invalid
   */
  public static ZoneConfig fromConfig(Config zone, Sphere sphere) {
    double aoi = read(zone, "aoi-radius", () -> zone.getDouble("aoi-radius"));
    int level = zoneLevel(zone, sphere, aoi);
    Map<CharacterClass, Double> speeds = new EnumMap<>(CharacterClass.class);
    for (CharacterClass c : CharacterClass.values()) {
      String key = "max-speed." + c.name().toLowerCase(Locale.ROOT);
      speeds.put(c, read(zone, key, () -> zone.getDouble(key)));
    }
    ZoneSettings settings;
    try {
      settings =
          new ZoneSettings(
              sphere,
              level,
              read(zone, "tick-hz", () -> zone.getInt("tick-hz")),
              read(zone, "snapshot-hz", () -> zone.getInt("snapshot-hz")),
              aoi,
              speeds,
              read(zone, "max-slope", () -> zone.getDouble("max-slope")),
              read(zone, "deep-ocean-threshold", () -> zone.getDouble("deep-ocean-threshold")),
              read(zone, "checkpoint-interval", () -> zone.getDuration("checkpoint-interval")));
    } catch (InvalidZoneSettingsException e) {
      String key = PREFIX + keyOf(e.field());
      throw new SettingsException(key, "invalid setting " + key + ": " + e.getMessage());
    }
    Duration idle = read(zone, "idle-timeout", () -> zone.getDuration("idle-timeout"));
    if (idle.isNegative() || idle.isZero()) {
      throw SettingsException.invalid(PREFIX + "idle-timeout", idle, "a duration > 0");
    }
    return new ZoneConfig(settings, idle, placement(zone, level));
  }

  /** The deps every cell of this node gets. */
  public ZoneCellDeps deps(Terrain terrain, long worldSeed, int slices) {
    return ZoneCellDeps.of(settings, terrain, worldSeed, slices).withIdleTimeout(idleTimeout);
  }

  private static int zoneLevel(Config zone, Sphere sphere, double aoi) {
    String raw = read(zone, "level", () -> zone.getString("level"));
    if (raw.equalsIgnoreCase("auto")) {
      if (!(aoi > 0.0)) {
        throw SettingsException.invalid(PREFIX + "aoi-radius", aoi, "a radius > 0 metres");
      }
      return SpatialCells.zoneLevel(sphere, aoi);
    }
    try {
      return Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      throw SettingsException.invalid(PREFIX + "level", raw, "\"auto\" or an S2 level 0-30");
    }
  }

  private static CellPlacement placement(Config zone, int zoneLevel) {
    String raw = read(zone, "shard-level", () -> zone.getString("shard-level"));
    if (raw.equalsIgnoreCase("zone")) {
      return CellPlacement.hashed();
    }
    try {
      int level = Integer.parseInt(raw.trim());
      if (level >= 0 && level <= zoneLevel) {
        return CellPlacement.byParent(level);
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw SettingsException.invalid(
        PREFIX + "shard-level", raw, "\"zone\" or an S2 level 0-" + zoneLevel + " (zone level)");
  }

  private static String keyOf(String field) {
    if (field.startsWith("maxSpeedMps.")) {
      return "max-speed." + field.substring("maxSpeedMps.".length()).toLowerCase(Locale.ROOT);
    }
    return switch (field) {
      case "zoneLevel" -> "level";
      case "tickHz" -> "tick-hz";
      case "snapshotHz" -> "snapshot-hz";
      case "aoiRadiusMeters" -> "aoi-radius";
      case "maxSlopeDeg" -> "max-slope";
      case "deepOceanThresholdMeters" -> "deep-ocean-threshold";
      case "checkpointInterval" -> "checkpoint-interval";
      default -> field;
    };
  }

  private interface Reader<T> {
    T read();
  }

  private static <T> T read(Config zone, String key, Reader<T> reader) {
    try {
      return reader.read();
    } catch (ConfigException.Missing e) {
      throw SettingsException.missing(PREFIX + key);
    } catch (ConfigException e) {
      throw SettingsException.invalid(PREFIX + key, zone.getValue(key).unwrapped(), e.getMessage());
    }
  }
}
