package org.bluemarble.edge.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.InvalidPlanetConfigException;
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
   * Body of {@code POST /v1/planet/generate}: the specification's {@code {"config": {...},
   * "options": {...}}}, or the config's fields directly at the top level (the older flat body).
   * Every config field is optional and defaults to the Earth-like value; a missing seed is drawn at
   * random (and shown in the config export, so the planet can be made again).
   */
  public record Generate(
      String name,
      Double radiusMeters,
      Integer plateCount,
      Double oceanCoverage,
      Long seed,
      Climate climate,
      Integer terrainLevel,
      Generate config,
      Options options) {

    /**
     * Validates and builds the config; throws InvalidPlanetConfigException naming the first bad
     * field.
     */
    public PlanetConfig toConfig() {
      if (config != null) {
        if (flatFieldsGiven()) {
          throw new InvalidPlanetConfigException(
              "config", "(also top-level fields)", "give the config either in \"config\" or flat");
        }
        if (config.config != null || config.options != null) {
          throw new InvalidPlanetConfigException(
              "config", "(nested config or options)", "config holds the planet's fields only");
        }
        return config.toConfig();
      }
      long s = seed != null ? seed : ThreadLocalRandom.current().nextLong();
      ClimateConfig c = climate == null ? ClimateConfig.EARTH_LIKE : climate.toClimate();
      return new PlanetConfig(
          name != null ? name : "Planet " + s,
          or(radiusMeters, PlanetConfig.DEFAULT_RADIUS_METERS),
          plateCount != null ? plateCount : PlanetConfig.DEFAULT_PLATE_COUNT,
          or(oceanCoverage, PlanetConfig.DEFAULT_OCEAN_COVERAGE),
          s,
          c,
          terrainLevel != null ? terrainLevel : PlanetConfig.DEFAULT_TERRAIN_LEVEL);
    }

    /** The options, checked; defaults when none were sent. */
    public Options checkedOptions() {
      return options == null ? Options.DEFAULTS : options.checked();
    }

    private boolean flatFieldsGiven() {
      return name != null
          || radiusMeters != null
          || plateCount != null
          || oceanCoverage != null
          || seed != null
          || climate != null
          || terrainLevel != null;
    }
  }

  /**
   * The specification's generation options. Biomes are always classified ({@code generateBiomes}
   * may only be true); {@code applyProjection} names the projection the answer's links ask for;
   * {@code outputFormat} is geojson, the one format served; {@code compressionLevel} (none, low,
   * medium, high) is accepted and echoed: responses are compressed by HTTP content negotiation.
   */
  public record Options(
      Boolean generateBiomes,
      String applyProjection,
      String outputFormat,
      String compressionLevel) {
    static final Options DEFAULTS = new Options(true, null, "geojson", "medium");

    Options checked() {
      if (generateBiomes != null && !generateBiomes) {
        throw new InvalidPlanetConfigException(
            "options.generateBiomes", false, "biomes are always classified; send true or omit it");
      }
      String projection = null;
      if (applyProjection != null && !applyProjection.equalsIgnoreCase("wgs84")) {
        try {
          projection = Projections.byName(applyProjection).name();
        } catch (UnknownProjectionException e) {
          throw new InvalidPlanetConfigException(
              "options.applyProjection", applyProjection, "one of " + Projections.names());
        }
      }
      String format = outputFormat == null ? "geojson" : outputFormat.toLowerCase(Locale.ROOT);
      if (!format.equals("geojson")) {
        throw new InvalidPlanetConfigException(
            "options.outputFormat", outputFormat, "geojson is the only format served");
      }
      String compression =
          compressionLevel == null ? "medium" : compressionLevel.toLowerCase(Locale.ROOT);
      if (!List.of("none", "low", "medium", "high").contains(compression)) {
        throw new InvalidPlanetConfigException(
            "options.compressionLevel", compressionLevel, "one of none, low, medium, high");
      }
      return new Options(true, projection, format, compression);
    }
  }

  /**
   * Body of {@code POST /v1/planet/{id}/biomes/reclassify}: new climate parameters (missing ones
   * keep the planet's). The specification's {@code biomeRules} are not supported: the classifier's
   * decision tree is fixed, so a non-empty list is refused.
   */
  public record Reclassify(Climate climateParameters, List<Object> biomeRules) {

    /** The new climate on top of {@code current}. */
    public ClimateConfig toClimate(ClimateConfig current) {
      if (biomeRules != null && !biomeRules.isEmpty()) {
        throw new InvalidPlanetConfigException(
            "biomeRules",
            biomeRules.size() + " rules",
            "custom biome rules are not supported; the classifier's rules are fixed");
      }
      if (climateParameters == null) {
        throw new InvalidPlanetConfigException(
            "climateParameters", "null", "send the climate parameters to reclassify with");
      }
      return climateParameters.over(current);
    }
  }

  /** Body of {@code POST /v1/planet/{id}/projection/{name}}; every part optional. */
  public record ProjectionRequest(ProjectionParameters parameters, ProjectionOptions options) {}

  /** Projection parameters: the central meridian (degrees, -180..180). */
  public record ProjectionParameters(Double centralMeridian, Double standardParallel) {}

  /**
   * Projection options: {@code includeDistortionData} (default true) adds Tissot figures to every
   * feature; {@code simplificationTolerance} (projected metres, 0..1,000,000) simplifies shapes.
   */
  public record ProjectionOptions(
      String outputFormat, Double simplificationTolerance, Boolean includeDistortionData) {}

  /** Body of {@code POST /v1/webhooks}. */
  public record WebhookRequest(String url, List<String> events, String secret) {}

  /** Climate part of {@link Generate}. */
  public record Climate(
      Double globalTemperature,
      Double temperatureVariation,
      Double precipitationBase,
      Double seasonalVariation) {

    ClimateConfig toClimate() {
      return over(ClimateConfig.EARTH_LIKE);
    }

    /** These parameters, the missing ones taken from {@code base}. */
    ClimateConfig over(ClimateConfig base) {
      return new ClimateConfig(
          or(globalTemperature, base.globalTemperature()),
          or(temperatureVariation, base.temperatureVariation()),
          or(precipitationBase, base.precipitationBase()),
          or(seasonalVariation, base.seasonalVariation()));
    }
  }

  private static double or(Double v, double fallback) {
    return v != null ? v : fallback;
  }

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
