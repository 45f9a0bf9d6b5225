package org.bluemarble.edge.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.Projections;
import org.bluemarble.spatial.UnknownProjectionException;
import org.locationtech.jts.geom.Envelope;

/**
 * Parsing of the planet API's inputs; every problem names the parameter, the value and what is
 * allowed.
 */
public final class PlanetRequests {
  private PlanetRequests() {}

  /**
   * Body of {@code POST /v1/planet/generate}: the companion API's config. Every field is optional
   * and defaults to the Earth-like value; a missing seed is drawn at random (and shown in the
   * config export, so the planet can be made again).
   */
  public record Generate(
      String name,
      Double radiusMeters,
      Integer plateCount,
      Double oceanCoverage,
      Long seed,
      Climate climate,
      Integer terrainLevel) {

    /**
     * Validates and builds the config; throws InvalidPlanetConfigException naming the first bad
     * field.
     */
    public PlanetConfig toConfig() {
      long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
      ClimateConfig base = ClimateConfig.EARTH_LIKE;
      ClimateConfig c =
          climate == null
              ? base
              : new ClimateConfig(
                  or(climate.globalTemperature(), base.globalTemperature()),
                  or(climate.temperatureVariation(), base.temperatureVariation()),
                  or(climate.precipitationBase(), base.precipitationBase()),
                  or(climate.seasonalVariation(), base.seasonalVariation()));
      return new PlanetConfig(
          name != null ? name : "Planet " + s,
          or(radiusMeters, PlanetConfig.DEFAULT_RADIUS_METERS),
          plateCount != null ? plateCount : PlanetConfig.DEFAULT_PLATE_COUNT,
          or(oceanCoverage, PlanetConfig.DEFAULT_OCEAN_COVERAGE),
          s,
          c,
          terrainLevel != null ? terrainLevel : PlanetConfig.DEFAULT_TERRAIN_LEVEL);
    }

    private static double or(Double v, double fallback) {
      return v != null ? v : fallback;
    }
  }

  /** Climate part of {@link Generate}. */
  public record Climate(
      Double globalTemperature,
      Double temperatureVariation,
      Double precipitationBase,
      Double seasonalVariation) {}

  /** A bad query parameter, with its error code and details. */
  public static final class BadParameter extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient Map<String, Object> details;

    BadParameter(String code, String message, Map<String, Object> details) {
      super(message);
      this.code = code;
      this.details = details;
    }

    public String code() {
      return code;
    }

    public Map<String, Object> details() {
      return details;
    }
  }

  /**
   * Parsed parameters of {@code GET /v1/planet/{id}/polygons}; null projection means WGS84 degrees.
   */
  public record PolygonQuery(
      String projectionName,
      MapProjection projection,
      String biome,
      String bboxText,
      Envelope bbox,
      int limit,
      int offset) {

    /** The URL of the next page. */
    public String nextUrl(String planetId, int nextOffset) {
      StringBuilder url = new StringBuilder("/v1/planet/").append(planetId).append("/polygons?");
      if (projectionName != null) {
        url.append("projection=").append(encode(projectionName)).append('&');
      }
      if (biome != null) {
        url.append("biome=").append(encode(biome)).append('&');
      }
      if (bboxText != null) {
        url.append("bbox=").append(encode(bboxText)).append('&');
      }
      return url.append("limit=").append(limit).append("&offset=").append(nextOffset).toString();
    }

    private static String encode(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
  }

  public static PolygonQuery polygonQuery(
      Optional<String> projectionName,
      Optional<String> biome,
      Optional<String> bbox,
      Optional<String> limit,
      Optional<String> offset,
      int maxLimit) {
    MapProjection projection = null;
    if (projectionName.isPresent() && !projectionName.get().equalsIgnoreCase("wgs84")) {
      try {
        projection = Projections.byName(projectionName.get());
      } catch (UnknownProjectionException e) {
        throw new BadParameter(
            "PROJECTION_NOT_SUPPORTED",
            e.getMessage(),
            Map.of(
                "field",
                "projection",
                "value",
                projectionName.get(),
                "reason",
                "unknown projection"));
      }
    }
    // Biome names as the companion documents write them ("TropicalRainforest"), matched ignoring
    // case.
    Optional<String> biomeName =
        biome.map(
            b ->
                Arrays.stream(Biome.values())
                    .map(Biome::wireName)
                    .filter(w -> w.equalsIgnoreCase(b.trim()))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            bad(
                                "biome",
                                b,
                                "one of "
                                    + Arrays.stream(Biome.values())
                                        .map(Biome::wireName)
                                        .collect(Collectors.joining(", ")))));
    return new PolygonQuery(
        projectionName.orElse(null),
        projection,
        biomeName.orElse(null),
        bbox.orElse(null),
        bbox.map(PlanetRequests::bbox).orElse(null),
        integer("limit", limit, 1, maxLimit, maxLimit),
        integer("offset", offset, 0, Integer.MAX_VALUE, 0));
  }

  private static Envelope bbox(String text) {
    String[] parts = text.split(",");
    String expected = "minLon,minLat,maxLon,maxLat in degrees with min <= max";
    if (parts.length != 4) {
      throw bad("bbox", text, expected);
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw bad("bbox", text, expected);
      }
      if (!Double.isFinite(v[i])) {
        throw bad("bbox", text, expected);
      }
    }
    if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > v[2] || v[1] > v[3]) {
      throw bad("bbox", text, expected);
    }
    return new Envelope(v[0], v[2], v[1], v[3]);
  }

  private static int integer(String name, Optional<String> text, int min, int max, int fallback) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.get().trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(name, text.get(), "an integer " + min + "-" + max);
  }

  private static BadParameter bad(String field, String value, String allowed) {
    return new BadParameter(
        "INVALID_PARAMETER",
        "parameter " + field + " = \"" + value + "\": expected " + allowed,
        Map.of("field", field, "value", value, "reason", "expected " + allowed));
  }
}
