package org.bluemarble.edge;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RetryAfter;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.port.InvalidFieldException;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.planet.InvalidPlanetConfigException;

/**
 * The planet API's error replies (the companion codes) and the completion of a port's answer with
 * them, shared by {@link PlanetRoutes} and {@link PlanetTaskRoutes}.
 */
final class PlanetReplies {
  private PlanetReplies() {}

  /** Completes with {@code inner} of the stage's value, or the planet API's error for a failure. */
  static <T> Route completing(CompletionStage<T> stage, Function<T, Route> inner) {
    return Directives.onComplete(
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

  static Route refused(PortException e) {
    return switch (e.code()) {
      case NOT_FOUND ->
          ApiErrors.complete(StatusCodes.NOT_FOUND, "PLANET_NOT_FOUND", e.getMessage());
      case CONFLICT ->
          ApiErrors.complete(StatusCodes.CONFLICT, "GENERATION_IN_PROGRESS", e.getMessage());
      case UNAVAILABLE -> {
        long seconds = e.retryAfter().map(Duration::toSeconds).orElse(30L);
        yield Directives.respondWithHeader(
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

  static Route invalidConfig(InvalidPlanetConfigException e) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_PLANET_CONFIG",
        e.getMessage(),
        Map.of("field", e.field(), "value", String.valueOf(e.value()), "reason", e.reason()));
  }

  static Route invalidWebhook(InvalidFieldException e) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_WEBHOOK",
        e.getMessage(),
        Map.of("field", e.field(), "value", String.valueOf(e.value()), "reason", e.reason()));
  }

  static Route invalidParameter(String field, String value, String reason) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_PARAMETER",
        field + " = " + value + ": " + reason,
        Map.of("field", field, "value", value, "reason", reason));
  }

  static Route unsupportedFormat(String format) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "FORMAT_NOT_SUPPORTED",
        "format " + format + " is not served; geojson is",
        Map.of("field", "format", "value", format, "reason", "only geojson is served"));
  }

  /**
   * Runs {@code inner} with planet {@code id} once generated: 404 unknown, 409 while generating.
   */
  static Route withPlanet(PlanetPort planets, String id, Function<PlanetPort.Ready, Route> inner) {
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
