package org.bluemarble.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.admin.Bearer;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.internal.PlanetRequests;
import org.bluemarble.edge.internal.PolygonFeatures;
import org.bluemarble.edge.internal.ProjectedFeatures;
import org.bluemarble.edge.port.InvalidFieldException;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.InvalidPlanetConfigException;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.Projections;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.spatial.UnknownProjectionException;
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
  static final int MAX_LIMIT = 1000;
  static final double MAX_SIMPLIFICATION = 1_000_000;

  private final PlanetPort planets;
  private final TokenService tokens;

  /** Routes whose token-guarded parts always answer 401 (no token service: tests of reads). */
  public PlanetRoutes(PlanetPort planets) {
    this(planets, null);
  }

  /** Routes checking access tokens with {@code tokens}. */
  public PlanetRoutes(PlanetPort planets, TokenService tokens) {
    this.planets = planets;
    this.tokens = tokens;
  }

  public Route route() {
    return pathPrefix(
        "v1",
        () ->
            concat(
                path("projections", () -> get(this::projections)),
                path("webhooks", () -> post(this::registerWebhook)),
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
                            pathPrefix(PathMatchers.segment(), this::planetRoutes)))));
  }

  private Route planetRoutes(String id) {
    return concat(
        pathEndOrSingleSlash(() -> get(() -> summary(id))),
        path("polygons", () -> get(() -> polygons(id))),
        path("biomes", () -> get(() -> biomes(id))),
        path(PathMatchers.segment("biomes").slash("reclassify"), () -> post(() -> reclassify(id))),
        path(
            PathMatchers.segment("biomes")
                .slash("reclassify")
                .slash("status")
                .slash(PathMatchers.segment()),
            taskId -> get(() -> status(taskId))),
        path(
            PathMatchers.segment("projection").slash(PathMatchers.segment()),
            name -> post(() -> project(id, name))),
        path("validate", () -> post(() -> validate(id))),
        path("download", () -> get(() -> download(id))),
        path(PathMatchers.segment("config").slash("export"), () -> get(() -> export(id))));
  }

  private Route generate() {
    return authenticated(
        claims ->
            metered(
                claims,
                PlanetPort.Metered.GENERATION,
                () ->
                    JsonBodies.read(
                        PlanetRequests.Generate.class,
                        request -> {
                          try {
                            PlanetConfig config = request.toConfig();
                            PlanetRequests.Options options = request.checkedOptions();
                            PlanetPort.GenerationTask task =
                                planets.submit(config, claims.accountId());
                            ObjectNode body = Json.MAPPER.valueToTree(task);
                            String query =
                                options.applyProjection() == null
                                    ? ""
                                    : "?projection=" + options.applyProjection();
                            body.put("statusUrl", "/v1/planet/generate/status/" + task.taskId());
                            body.put("planetUrl", "/v1/planet/" + task.planetId());
                            body.put(
                                "polygonsUrl",
                                "/v1/planet/" + task.planetId() + "/polygons" + query);
                            body.put(
                                "downloadUrl",
                                "/v1/planet/" + task.planetId() + "/download" + query);
                            body.set("options", Json.MAPPER.valueToTree(options));
                            return complete(StatusCodes.ACCEPTED, body, Json.marshaller());
                          } catch (InvalidPlanetConfigException e) {
                            return invalidConfig(e);
                          } catch (PortException e) {
                            return refused(e);
                          }
                        })));
  }

  private Route reclassify(String id) {
    return authenticated(
        claims ->
            metered(
                claims,
                PlanetPort.Metered.RECLASSIFICATION,
                () ->
                    JsonBodies.read(
                        PlanetRequests.Reclassify.class,
                        request ->
                            withPlanet(
                                id,
                                ready -> {
                                  ClimateConfig climate;
                                  try {
                                    climate = request.toClimate(ready.planet().config().climate());
                                  } catch (InvalidPlanetConfigException e) {
                                    return invalidConfig(e);
                                  }
                                  return completing(
                                      planets.reclassify(id, climate, claims.accountId()),
                                      task -> {
                                        ObjectNode body = Json.MAPPER.valueToTree(task);
                                        body.put(
                                            "statusUrl",
                                            "/v1/planet/"
                                                + id
                                                + "/biomes/reclassify/status/"
                                                + task.taskId());
                                        return complete(
                                            StatusCodes.ACCEPTED, body, Json.marshaller());
                                      });
                                }))));
  }

  private Route project(String id, String name) {
    return authenticated(
        claims ->
            metered(
                claims,
                PlanetPort.Metered.PROJECTION,
                () ->
                    JsonBodies.read(
                        PlanetRequests.ProjectionRequest.class,
                        request -> withPlanet(id, ready -> project(id, name, request, ready)))));
  }

  private Route project(
      String id, String name, PlanetRequests.ProjectionRequest request, PlanetPort.Ready ready) {
    PlanetRequests.ProjectionParameters parameters =
        request.parameters() == null
            ? new PlanetRequests.ProjectionParameters(null, null)
            : request.parameters();
    PlanetRequests.ProjectionOptions options =
        request.options() == null
            ? new PlanetRequests.ProjectionOptions(null, null, null)
            : request.options();
    double centralMeridian =
        parameters.centralMeridian() == null ? 0 : parameters.centralMeridian();
    if (!(centralMeridian >= -180 && centralMeridian <= 180)) {
      return invalidParameter(
          "parameters.centralMeridian", String.valueOf(centralMeridian), "-180..180 degrees");
    }
    if (parameters.standardParallel() != null) {
      return invalidParameter(
          "parameters.standardParallel",
          String.valueOf(parameters.standardParallel()),
          "not supported: the projections here have fixed standard parallels");
    }
    double tolerance =
        options.simplificationTolerance() == null ? 0 : options.simplificationTolerance();
    if (!(tolerance >= 0 && tolerance <= MAX_SIMPLIFICATION)) {
      return invalidParameter(
          "options.simplificationTolerance",
          String.valueOf(tolerance),
          "0.." + (long) MAX_SIMPLIFICATION + " projected metres");
    }
    if (options.outputFormat() != null && !options.outputFormat().equalsIgnoreCase("geojson")) {
      return unsupportedFormat(options.outputFormat());
    }
    MapProjection projection;
    try {
      projection =
          Projections.byName(
              name, new Sphere(ready.planet().config().radiusMeters()), centralMeridian);
    } catch (UnknownProjectionException e) {
      return ApiErrors.complete(
          StatusCodes.BAD_REQUEST,
          "PROJECTION_NOT_SUPPORTED",
          e.getMessage(),
          Map.of("field", "projection", "value", name, "reason", "unknown projection"));
    }
    boolean distortion = options.includeDistortionData() == null || options.includeDistortionData();
    return completing(
        planets.withPolygons(
            id, all -> ProjectedFeatures.collection(id, all, projection, tolerance, distortion)),
        body -> complete(StatusCodes.OK, body, Json.marshaller()));
  }

  private Route validate(String id) {
    return withPlanet(
        id,
        ready ->
            completing(
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
                    return unsupportedFormat(format.get());
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
                  return withPlanet(
                      id,
                      ready ->
                          completing(
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

  private Route registerWebhook() {
    return authenticated(
        claims ->
            JsonBodies.read(
                PlanetRequests.WebhookRequest.class,
                request -> {
                  URI url;
                  try {
                    url = new URI(request.url() == null ? "" : request.url().trim());
                  } catch (URISyntaxException e) {
                    return invalidWebhook(
                        new InvalidFieldException("url", request.url(), "is not a URL"));
                  }
                  try {
                    PlanetPort.Webhook webhook =
                        planets.registerWebhook(
                            claims.accountId(),
                            url,
                            request.events() == null ? Set.of() : Set.copyOf(request.events()),
                            request.secret());
                    return complete(StatusCodes.CREATED, webhook, Json.marshaller());
                  } catch (InvalidFieldException e) {
                    return invalidWebhook(e);
                  }
                }));
  }

  /**
   * Runs {@code inner} with the caller's verified access token; 401 AUTH_REQUIRED without one,
   * INVALID_TOKEN with a refused one.
   */
  private Route authenticated(Function<AccessClaims, Route> inner) {
    return extractRequest(
        request -> {
          if (tokens == null || Bearer.token(request).isEmpty()) {
            return respondWithHeader(
                RawHeader.create("WWW-Authenticate", "Bearer realm=\"bluemarble\""),
                () ->
                    ApiErrors.complete(
                        StatusCodes.UNAUTHORIZED,
                        "AUTH_REQUIRED",
                        "send Authorization: Bearer <access token>"));
          }
          return Bearer.authenticate(tokens, inner);
        });
  }

  /** Takes one unit of the caller's quota: 429 RATE_LIMIT_EXCEEDED when it is spent. */
  private Route metered(
      AccessClaims claims, PlanetPort.Metered what, java.util.function.Supplier<Route> inner) {
    return completing(
        planets.admit(claims.accountId(), what),
        d -> {
          List<HttpHeader> headers =
              new java.util.ArrayList<>(
                  List.of(
                      RawHeader.create("X-RateLimit-Limit", Long.toString(d.limit())),
                      RawHeader.create("X-RateLimit-Remaining", Long.toString(d.remaining())),
                      RawHeader.create("X-RateLimit-Reset", Long.toString(d.resetAfterSeconds())),
                      RawHeader.create("X-RateLimit-Resource", what.resource())));
          if (d.allowed()) {
            return respondWithHeaders(headers, inner);
          }
          headers.add(RawHeader.create("Retry-After", Long.toString(d.retryAfterSeconds())));
          return respondWithHeaders(
              headers,
              () ->
                  ApiErrors.complete(
                      StatusCodes.TOO_MANY_REQUESTS,
                      "RATE_LIMIT_EXCEEDED",
                      "at most "
                          + d.limit()
                          + " "
                          + what.resource()
                          + " requests per period; retry after "
                          + d.retryAfterSeconds()
                          + " s",
                      Map.of("retryAfter", d.retryAfterSeconds(), "resource", what.resource())));
        });
  }

  /** Completes with {@code inner} of the stage's value, or the planet API's error for a failure. */
  private <T> Route completing(CompletionStage<T> stage, Function<T, Route> inner) {
    return onComplete(
        stage,
        attempt -> {
          if (attempt.isSuccess()) {
            return inner.apply(attempt.get());
          }
          Throwable t = attempt.failed().get();
          while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
          }
          if (t instanceof PortException e) {
            return refused(e);
          }
          if (t instanceof InvalidPlanetConfigException e) {
            return invalidConfig(e);
          }
          if (t instanceof RuntimeException e) {
            throw e;
          }
          throw new CompletionException(t);
        });
  }

  private Route refused(PortException e) {
    return switch (e.code()) {
      case NOT_FOUND ->
          ApiErrors.complete(StatusCodes.NOT_FOUND, "PLANET_NOT_FOUND", e.getMessage());
      case CONFLICT ->
          ApiErrors.complete(StatusCodes.CONFLICT, "GENERATION_IN_PROGRESS", e.getMessage());
      case UNAVAILABLE -> {
        long seconds = e.retryAfter().map(Duration::toSeconds).orElse(30L);
        yield respondWithHeader(
            RetryAfter.create(seconds),
            () ->
                ApiErrors.complete(
                    StatusCodes.SERVICE_UNAVAILABLE,
                    "INSUFFICIENT_RESOURCES",
                    e.getMessage(),
                    Map.of("retryAfter", seconds)));
      }
      default -> ApiErrors.fromPort(e);
    };
  }

  private static Route invalidConfig(InvalidPlanetConfigException e) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_PLANET_CONFIG",
        e.getMessage(),
        Map.of("field", e.field(), "value", String.valueOf(e.value()), "reason", e.reason()));
  }

  private static Route invalidWebhook(InvalidFieldException e) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_WEBHOOK",
        e.getMessage(),
        Map.of("field", e.field(), "value", String.valueOf(e.value()), "reason", e.reason()));
  }

  private static Route invalidParameter(String field, String value, String reason) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_PARAMETER",
        field + " = " + value + ": " + reason,
        Map.of("field", field, "value", value, "reason", reason));
  }

  private static Route unsupportedFormat(String format) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "FORMAT_NOT_SUPPORTED",
        "format " + format + " is not served; geojson is",
        Map.of("field", "format", "value", format, "reason", "only geojson is served"));
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
    return completing(
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
    return completing(
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
