package org.bluemarble.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.PlanetRequests;
import org.bluemarble.edge.internal.PolygonFeatures;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.Projections;
import org.locationtech.jts.geom.Envelope;

/**
 * The planet API of the companion documents, under {@code /v1}: generate (202 + task, Bearer token
 * and a per-user quota), task status, planet summary, biome polygons as a paged GeoJSON
 * FeatureCollection (projection, biome and bbox filters), biome shares and reclassification,
 * projections and projecting a planet with distortion figures, topology validation, GeoJSON
 * download, config export, and generation webhooks. Errors use the companion codes
 * (INVALID_PLANET_CONFIG, PLANET_NOT_FOUND, GENERATION_IN_PROGRESS, PROJECTION_NOT_SUPPORTED,
 * INSUFFICIENT_RESOURCES with retryAfter, AUTH_REQUIRED, RATE_LIMIT_EXCEEDED). Reads stay open;
 * what writes or costs a user's quota takes a token.
 */
public final class PlanetRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.open(
              "GET", "/v1/projections", "The map projections the planet API offers"),
          PublicEndpoint.token(
              "POST", "/v1/webhooks", "Register a webhook for planet generation events"),
          PublicEndpoint.token("POST", "/v1/planet/generate", "Start generating a planet (a task)"),
          PublicEndpoint.open(
              "GET", "/v1/planet/generate/status/{taskId}", "The status of a generation task"),
          PublicEndpoint.open("GET", "/v1/planet/{planetId}", "A planet's summary"),
          PublicEndpoint.open(
              "GET",
              "/v1/planet/{planetId}/polygons",
              "Biome polygons as GeoJSON, paged and filtered"),
          PublicEndpoint.open(
              "GET", "/v1/planet/{planetId}/biomes", "Share and colour of each biome"),
          PublicEndpoint.token(
              "POST",
              "/v1/planet/{planetId}/biomes/reclassify",
              "Recompute climate and biomes under other climate parameters (a task)"),
          PublicEndpoint.open(
              "GET",
              "/v1/planet/{planetId}/biomes/reclassify/status/{taskId}",
              "The status of a reclassification task"),
          PublicEndpoint.token(
              "POST",
              "/v1/planet/{planetId}/projection/{name}",
              "The polygons projected to metres, with distortion data"),
          PublicEndpoint.open(
              "POST",
              "/v1/planet/{planetId}/validate",
              "A topology report of the planet's polygons"),
          PublicEndpoint.open(
              "GET", "/v1/planet/{planetId}/download", "The whole planet as one GeoJSON file"),
          PublicEndpoint.open(
              "GET",
              "/v1/planet/{planetId}/config/export",
              "The configuration that generates this planet again"));

  static final int MAX_LIMIT = 1000;

  private final PlanetPort planets;
  private final PlanetTaskRoutes tasks;

  /** Routes whose token-guarded parts always answer 401 (no token service: tests of reads). */
  public PlanetRoutes(PlanetPort planets) {
    this(planets, null);
  }

  /** Routes checking access tokens with {@code tokens}. */
  public PlanetRoutes(PlanetPort planets, TokenService tokens) {
    this.planets = planets;
    this.tasks = new PlanetTaskRoutes(planets, tokens);
  }

  public Route route() {
    return pathPrefix(
        "v1",
        () ->
            concat(
                path("projections", () -> get(this::projections)),
                path("webhooks", () -> post(tasks::registerWebhook)),
                pathPrefix(
                    "planet",
                    () ->
                        concat(
                            path("generate", () -> post(tasks::generate)),
                            path(
                                PathMatchers.segment("generate")
                                    .slash("status")
                                    .slash(PathMatchers.segment()),
                                taskId -> get(() -> status(taskId))),
                            pathPrefix(PathMatchers.segment(), this::planetRoutes)))));
  }

  private Route planetRoutes(String id) {
    return concat(
        pathEndOrSingleSlash(() -> get(() -> summary(id))),
        path("polygons", () -> get(() -> polygons(id))),
        path("biomes", () -> get(() -> biomes(id))),
        path(
            PathMatchers.segment("biomes").slash("reclassify"),
            () -> post(() -> tasks.reclassify(id))),
        path(
            PathMatchers.segment("biomes")
                .slash("reclassify")
                .slash("status")
                .slash(PathMatchers.segment()),
            taskId -> get(() -> status(taskId))),
        path(
            PathMatchers.segment("projection").slash(PathMatchers.segment()),
            name -> post(() -> tasks.project(id, name))),
        path("validate", () -> post(() -> validate(id))),
        path("download", () -> get(() -> download(id))),
        path(PathMatchers.segment("config").slash("export"), () -> get(() -> export(id))));
  }

  private Route validate(String id) {
    return PlanetReplies.withPlanet(
        planets,
        id,
        ready ->
            PlanetReplies.completing(
                planets.validate(id),
                report -> {
                  ObjectNode body = Json.MAPPER.createObjectNode();
                  body.put("planetId", id);
                  body.put("isValid", report.valid());
                  ObjectNode stats = body.putObject("statistics");
                  stats.put("polygons", report.polygons());
                  stats.put("validPolygons", report.polygons() - report.invalidPolygons());
                  stats.put("invalidPolygons", report.invalidPolygons());
                  stats.put("splitAtAntimeridian", report.splitAtAntimeridian());
                  stats.put("antimeridianJumps", report.antimeridianJumps());
                  stats.put("cellsChecked", report.cellsChecked());
                  stats.put("gaps", report.gaps());
                  stats.put("overlaps", report.overlaps());
                  body.set("problems", Json.MAPPER.valueToTree(report.problems()));
                  return complete(StatusCodes.OK, body, Json.marshaller());
                }));
  }

  private Route download(String id) {
    return parameterOptional(
        "format",
        format ->
            parameterOptional(
                "projection",
                projectionName -> {
                  if (format.isPresent() && !format.get().equalsIgnoreCase("geojson")) {
                    return PlanetReplies.unsupportedFormat(format.get());
                  }
                  PlanetRequests.PolygonQuery query;
                  try {
                    query =
                        PlanetRequests.polygonQuery(
                            projectionName,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty(),
                            MAX_LIMIT);
                  } catch (PlanetRequests.BadParameter e) {
                    return ApiErrors.complete(
                        StatusCodes.BAD_REQUEST, e.code(), e.getMessage(), e.details());
                  }
                  MapProjection projection = query.projection();
                  return PlanetReplies.withPlanet(
                      planets,
                      id,
                      ready ->
                          PlanetReplies.completing(
                              planets.withPolygons(
                                  id,
                                  all -> {
                                    ObjectNode body = Json.MAPPER.createObjectNode();
                                    body.put("type", "FeatureCollection");
                                    ArrayNode features = body.putArray("features");
                                    List<BiomePolygon> shown =
                                        PolygonFeatures.filter(all, null, null, projection);
                                    for (int i = 0; i < shown.size(); i++) {
                                      features.add(
                                          PolygonFeatures.feature(i, shown.get(i), projection));
                                    }
                                    ObjectNode meta = body.putObject("metadata");
                                    meta.put("planetId", id);
                                    meta.put("totalFeatures", shown.size());
                                    meta.put(
                                        "projection",
                                        projection == null ? "wgs84" : projection.name());
                                    return body;
                                  }),
                              body ->
                                  respondWithHeader(
                                      RawHeader.create(
                                          "Content-Disposition",
                                          "attachment; filename=\"planet-" + id + ".geojson\""),
                                      () -> complete(StatusCodes.OK, body, Json.marshaller()))));
                }));
  }

  private Route status(String taskId) {
    Optional<PlanetPort.GenerationTask> task = planets.task(taskId);
    if (task.isEmpty()) {
      return ApiErrors.complete(StatusCodes.NOT_FOUND, "TASK_NOT_FOUND", "no task " + taskId);
    }
    return complete(StatusCodes.OK, task.get(), Json.marshaller());
  }

  private Route summary(String id) {
    return PlanetReplies.withPlanet(
        planets,
        id,
        ready -> {
          Planet p = ready.planet();
          ObjectNode body = Json.MAPPER.createObjectNode();
          body.put("id", id);
          body.put("name", p.config().name());
          body.set("config", Json.MAPPER.valueToTree(p.config()));
          body.put("cellCount", p.cellCount());
          body.put("contentHash", p.contentHash());
          body.put("oceanShare", p.stats().oceanShare());
          body.put("minElevation", p.stats().minElevation());
          body.put("maxElevation", p.stats().maxElevation());
          body.put("generatedAt", ready.generatedAt().toString());
          ObjectNode links = body.putObject("links");
          links.put("polygons", "/v1/planet/" + id + "/polygons");
          links.put("biomes", "/v1/planet/" + id + "/biomes");
          links.put("export", "/v1/planet/" + id + "/config/export");
          return complete(StatusCodes.OK, body, Json.marshaller());
        });
  }

  private Route biomes(String id) {
    return PlanetReplies.withPlanet(
        planets,
        id,
        ready -> {
          ArrayNode list = Json.MAPPER.createArrayNode();
          ready.planet().stats().biomeShares().entrySet().stream()
              .sorted(Map.Entry.<Biome, Double>comparingByValue(Comparator.reverseOrder()))
              .forEach(
                  e ->
                      list.addObject()
                          .put("biome", e.getKey().wireName())
                          .put("color", e.getKey().hexColor())
                          .put("share", e.getValue()));
          ObjectNode body = Json.MAPPER.createObjectNode();
          body.set("biomes", list);
          return complete(StatusCodes.OK, body, Json.marshaller());
        });
  }

  private Route export(String id) {
    return PlanetReplies.withPlanet(
        planets, id, ready -> complete(StatusCodes.OK, ready.planet().config(), Json.marshaller()));
  }

  private Route projections() {
    return complete(
        StatusCodes.OK, Map.of("projections", Projections.catalogue()), Json.marshaller());
  }

  private Route polygons(String id) {
    return parameterOptional(
        "projection",
        projectionName ->
            parameterOptional(
                "biome",
                biome ->
                    parameterOptional(
                        "bbox",
                        bbox ->
                            parameterOptional(
                                "limit",
                                limit ->
                                    parameterOptional(
                                        "offset",
                                        offset ->
                                            PlanetReplies.withPlanet(
                                                planets,
                                                id,
                                                ready ->
                                                    polygons(
                                                        id,
                                                        projectionName,
                                                        biome,
                                                        bbox,
                                                        limit,
                                                        offset)))))));
  }

  private Route polygons(
      String id,
      Optional<String> projectionName,
      Optional<String> biome,
      Optional<String> bbox,
      Optional<String> limitText,
      Optional<String> offsetText) {
    PlanetRequests.PolygonQuery query;
    try {
      query =
          PlanetRequests.polygonQuery(
              projectionName, biome, bbox, limitText, offsetText, MAX_LIMIT);
    } catch (PlanetRequests.BadParameter e) {
      return ApiErrors.complete(StatusCodes.BAD_REQUEST, e.code(), e.getMessage(), e.details());
    }
    return PlanetReplies.completing(
        planets.polygons(id),
        (List<BiomePolygon> all) -> {
          MapProjection projection = query.projection();
          Envelope box = query.bbox();
          List<BiomePolygon> selected = PolygonFeatures.filter(all, query.biome(), box, projection);
          int from = Math.min(query.offset(), selected.size());
          int to = Math.min(from + query.limit(), selected.size());
          ObjectNode body = Json.MAPPER.createObjectNode();
          body.put("type", "FeatureCollection");
          ArrayNode features = body.putArray("features");
          for (int i = from; i < to; i++) {
            features.add(PolygonFeatures.feature(i, selected.get(i), projection));
          }
          ObjectNode meta = body.putObject("metadata");
          meta.put("totalFeatures", selected.size());
          meta.put("returnedFeatures", to - from);
          meta.put("offset", from);
          meta.put("hasMore", to < selected.size());
          meta.put("projection", projection == null ? "wgs84" : projection.name());
          if (to < selected.size()) {
            meta.put("nextUrl", query.nextUrl(id, to));
          } else {
            meta.putNull("nextUrl");
          }
          return complete(StatusCodes.OK, body, Json.marshaller());
        });
  }
}
