package org.bluemarble.edge.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.port.PortException;

/**
 * Every HTTP error the edge sends has one shape: {@code {"error": {"code", "message", "details"}}}.
 * Codes are stable UPPER_SNAKE words clients can switch on; messages are for people.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /** The body of an error response. */
  public record Body(Error error) {}

  /**
   * Code, message, optional details (field, value, reason, ...), when, and an id to quote when
   * reporting it (also logged for server errors).
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Error(
      String code,
      String message,
      Map<String, Object> details,
      Instant timestamp,
      String requestId) {}

  public static Route complete(StatusCode status, String code, String message) {
    return complete(status, code, message, Map.of());
  }

  public static Route complete(
      StatusCode status, String code, String message, Map<String, Object> details) {
    return Directives.complete(status, body(code, message, details), Json.marshaller());
  }

  public static HttpResponse response(StatusCode status, String code, String message) {
    try {
      return HttpResponse.create()
          .withStatus(status)
          .withEntity(
              org.apache.pekko.http.javadsl.model.ContentTypes.APPLICATION_JSON,
              Json.MAPPER.writeValueAsBytes(body(code, message, Map.of())));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Maps a refusal of the game to its HTTP status and code. */
  public static Route fromPort(PortException e) {
    return switch (e.code()) {
      case INVALID_INPUT -> complete(StatusCodes.BAD_REQUEST, "INVALID_INPUT", e.getMessage());
      case NOT_FOUND -> complete(StatusCodes.NOT_FOUND, "NOT_FOUND", e.getMessage());
      case CONFLICT -> complete(StatusCodes.CONFLICT, "CONFLICT", e.getMessage());
      case UNAVAILABLE -> complete(StatusCodes.SERVICE_UNAVAILABLE, "UNAVAILABLE", e.getMessage());
      case BANNED -> complete(StatusCodes.FORBIDDEN, "BANNED", e.getMessage());
    };
  }

  private static Body body(String code, String message, Map<String, Object> details) {
    org.bluemarble.edge.metrics.EdgeCounters.httpError(code);
    return new Body(new Error(code, message, details, Instant.now(), UUID.randomUUID().toString()));
  }
}
