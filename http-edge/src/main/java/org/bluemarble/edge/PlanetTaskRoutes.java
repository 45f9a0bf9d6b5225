package org.bluemarble.edge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.admin.Bearer;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.internal.PlanetRequests;
import org.bluemarble.edge.internal.ProjectedFeatures;
import org.bluemarble.edge.port.InvalidFieldException;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.InvalidPlanetConfigException;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.Projections;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.spatial.UnknownProjectionException;

/**
 * The planet API's routes that create work or cost a user's quota: generation, biome
 * reclassification, projecting a planet, and generation webhooks. Each takes an access token (401
 * AUTH_REQUIRED without one) and, except webhooks, one unit of the caller's quota for its kind (429
 * RATE_LIMIT_EXCEEDED with the X-RateLimit headers when it is spent). Mounted by {@link
 * PlanetRoutes}.
 */
final class PlanetTaskRoutes extends AllDirectives {
  /** The largest simplification tolerance of a projection, in projected metres. */
  static final double MAX_SIMPLIFICATION = 1_000_000;

  private final PlanetPort planets;
  private final TokenService tokens;

  PlanetTaskRoutes(PlanetPort planets, TokenService tokens) {
    this.planets = planets;
    this.tokens = tokens;
  }

  Route generate() {
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
                            return PlanetReplies.invalidConfig(e);
                          } catch (PortException e) {
                            return PlanetReplies.refused(e);
                          }
                        })));
  }

  Route reclassify(String id) {
    return authenticated(
        claims ->
            metered(
                claims,
                PlanetPort.Metered.RECLASSIFICATION,
                () ->
                    JsonBodies.read(
                        PlanetRequests.Reclassify.class,
                        request ->
                            PlanetReplies.withPlanet(
                                planets,
                                id,
                                ready -> {
                                  ClimateConfig climate;
                                  try {
                                    climate = request.toClimate(ready.planet().config().climate());
                                  } catch (InvalidPlanetConfigException e) {
                                    return PlanetReplies.invalidConfig(e);
                                  }
                                  return PlanetReplies.completing(
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

  Route project(String id, String name) {
    return authenticated(
        claims ->
            metered(
                claims,
                PlanetPort.Metered.PROJECTION,
                () ->
                    JsonBodies.read(
                        PlanetRequests.ProjectionRequest.class,
                        request ->
                            PlanetReplies.withPlanet(
                                planets, id, ready -> project(id, name, request, ready)))));
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
      return PlanetReplies.invalidParameter(
          "parameters.centralMeridian", String.valueOf(centralMeridian), "-180..180 degrees");
    }
    if (parameters.standardParallel() != null) {
      return PlanetReplies.invalidParameter(
          "parameters.standardParallel",
          String.valueOf(parameters.standardParallel()),
          "not supported: the projections here have fixed standard parallels");
    }
    double tolerance =
        options.simplificationTolerance() == null ? 0 : options.simplificationTolerance();
    if (!(tolerance >= 0 && tolerance <= MAX_SIMPLIFICATION)) {
      return PlanetReplies.invalidParameter(
          "options.simplificationTolerance",
          String.valueOf(tolerance),
          "0.." + (long) MAX_SIMPLIFICATION + " projected metres");
    }
    if (options.outputFormat() != null && !options.outputFormat().equalsIgnoreCase("geojson")) {
      return PlanetReplies.unsupportedFormat(options.outputFormat());
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
    return PlanetReplies.completing(
        planets.withPolygons(
            id, all -> ProjectedFeatures.collection(id, all, projection, tolerance, distortion)),
        body -> complete(StatusCodes.OK, body, Json.marshaller()));
  }

  Route registerWebhook() {
    return authenticated(
        claims ->
            JsonBodies.read(
                PlanetRequests.WebhookRequest.class,
                request -> {
                  URI url;
                  try {
                    url = new URI(request.url() == null ? "" : request.url().trim());
                  } catch (URISyntaxException e) {
                    return PlanetReplies.invalidWebhook(
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
                    return PlanetReplies.invalidWebhook(e);
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
    return PlanetReplies.completing(
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
}
