package org.bluemarble.combat;

import java.util.Locale;
import java.util.Set;

/**
 * Which {@link PvpZone} a point of the planet lies in, from the planet's regions: within {@code
 * safeRadiusMeters} of the spawn point and in urban areas it is safe, in the biomes listed as open
 * (harsh wilderness) it is open, everywhere else flagged. Biome names are compared ignoring case,
 * underscores and spaces, as the zone's spawn tables do.
 */
public final class PvpZones {
  private final double spawnLat;
  private final double spawnLng;
  private final double safeRadiusMeters;
  private final Set<String> openBiomes;
  private final double planetRadiusMeters;

  public PvpZones(
      double spawnLat,
      double spawnLng,
      double safeRadiusMeters,
      Set<String> openBiomes,
      double planetRadiusMeters) {
    this.spawnLat = spawnLat;
    this.spawnLng = spawnLng;
    this.safeRadiusMeters = safeRadiusMeters;
    this.openBiomes =
        openBiomes.stream()
            .map(PvpZones::key)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    this.planetRadiusMeters = planetRadiusMeters;
  }

  /** Zones with {@code sanctuary} as the safe area around the spawn point. */
  public PvpZones(Sanctuary sanctuary, Set<String> openBiomes, double planetRadiusMeters) {
    this(
        sanctuary.latitudeDeg(),
        sanctuary.longitudeDeg(),
        sanctuary.exists() ? sanctuary.radiusMeters() : -1,
        openBiomes,
        planetRadiusMeters);
  }

  /** Harsh biomes where PvP is open by default. */
  public static final Set<String> DEFAULT_OPEN_BIOMES =
      Set.of("desert", "tundra", "ice_sheet", "barren_land");

  public PvpZone at(double latDeg, double lngDeg, String biome) {
    if (safeRadiusMeters >= 0
        && SphereGeometry.surfaceMeters(spawnLat, spawnLng, latDeg, lngDeg, planetRadiusMeters)
            <= safeRadiusMeters) {
      return PvpZone.SAFE;
    }
    String b = biome == null ? "" : key(biome);
    if (b.equals("urbanarea")) {
      return PvpZone.SAFE;
    }
    return openBiomes.contains(b) ? PvpZone.OPEN : PvpZone.FLAGGED;
  }

  private static String key(String biome) {
    return biome.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
  }
}
