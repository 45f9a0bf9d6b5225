package org.bluemarble.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.internal.PlanetRequests;
import org.bluemarble.edge.internal.PolygonFeatures;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.InvalidPlanetConfigException;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.Projections;
import org.locationtech.jts.geom.Envelope;

/**
 * The planet API of the companion documents, under {@code /v1}: generate (202 + task), task status,
 * planet summary, biome polygons as a paged GeoJSON FeatureCollection (projection, biome and bbox
 * filters), biome shares, projections, config export. Errors use the companion codes
 * (INVALID_PLANET_CONFIG, PLANET_NOT_FOUND, GENERATION_IN_PROGRESS, PROJECTION_NOT_SUPPORTED,
 * INSUFFICIENT_RESOURCES with retryAfter).
 */
public final class PlanetRoutes extends AllDirectives {
  static final int MAX_LIMIT = 1000;

  private final PlanetPort planets;

  public PlanetRoutes(PlanetPort planets) {
    this.planets = planets;
  }

  public Route route() {
    return pathPrefix(
        "v1",
        () ->
            concat(
                path("projections", () -> get(this::projections)),
                pathPrefix(
                    "planet",
                    () ->
                        concat(
                            path("generate", () -> post(this::generate)),
                            path(
                                PathMatchers.segment("generate")
                                    .slash("status")
                                    .slash(PathMatchers.segment()),
                                taskId -> get(() -> status(taskId))),
                            pathPrefix(
                                PathMatchers.segment(),
                                id ->
                                    concat(
                                        pathEndOrSingleSlash(() -> get(() -> summary(id))),
                                        path("polygons", () -> get(() -> polygons(id))),
                                        path("biomes", () -> get(() -> biomes(id))),
                                        path(
                                            PathMatchers.segment("config").slash("export"),
                                            () -> get(() -> export(id)))))))));
  }

  private Route generate() {
    return JsonBodies.read(
        PlanetRequests.Generate.class,
        request -> {
          try {
            PlanetPort.GenerationTask task = planets.submit(request.toConfig());
            ObjectNode body = Json.MAPPER.valueToTree(task);
            body.put("statusUrl", "/v1/planet/generate/status/" + task.taskId());
            body.put("planetUrl", "/v1/planet/" + task.planetId());
            return complete(StatusCodes.ACCEPTED, body, Json.marshaller());
          } catch (InvalidPlanetConfigException e) {
            return ApiErrors.complete(
                StatusCodes.BAD_REQUEST,
                "INVALID_PLANET_CONFIG",
                e.getMessage(),
                Map.of(
                    "field", e.field(), "value", String.valueOf(e.value()), "reason", e.reason()));
          } catch (PortException e) {
            long seconds = e.retryAfter().map(Duration::toSeconds).orElse(30L);
            return respondWithHeader(
                RetryAfter.create(seconds),
                () ->
                    ApiErrors.complete(
                        StatusCodes.SERVICE_UNAVAILABLE,
                        "INSUFFICIENT_RESOURCES",
                        e.getMessage(),
                        Map.of("retryAfter", seconds)));
          }
        });
  }

  private Route status(String taskId) {
    Optional<PlanetPort.GenerationTask> task = planets.task(taskId);
    if (task.isEmpty()) {
      return ApiErrors.complete(StatusCodes.NOT_FOUND, "TASK_NOT_FOUND", "no task " + taskId);
    }
    return complete(StatusCodes.OK, task.get(), Json.marshaller());
  }

  private Route summary(String id) {
    return withPlanet(
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
    return withPlanet(
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
    return withPlanet(
        id, ready -> complete(StatusCodes.OK, ready.planet().config(), Json.marshaller()));
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
                                            withPlanet(
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
    return onSuccess(
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

  private Route withPlanet(String id, java.util.function.Function<PlanetPort.Ready, Route> inner) {
    return onSuccess(
        planets.planet(id),
        (PlanetPort.Lookup lookup) -> {
          if (lookup instanceof PlanetPort.Ready ready) {
            return inner.apply(ready);
          }
          if (lookup instanceof PlanetPort.Generating generating) {
            return ApiErrors.complete(
                StatusCodes.CONFLICT,
                "GENERATION_IN_PROGRESS",
                "planet " + id + " is still being generated",
                Map.of(
                    "taskId", generating.task().taskId(),
                    "progress", generating.task().progress(),
                    "statusUrl", "/v1/planet/generate/status/" + generating.task().taskId()));
          }
          return ApiErrors.complete(StatusCodes.NOT_FOUND, "PLANET_NOT_FOUND", "no planet " + id);
        });
  }
}
