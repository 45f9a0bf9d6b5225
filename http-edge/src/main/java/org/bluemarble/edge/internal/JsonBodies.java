package org.bluemarble.edge.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;

/**
 * Reads a JSON request body into a record, answering 400 with a JSON error that names the problem
 * when it cannot.
 */
public final class JsonBodies {
  private JsonBodies() {}

  public static <T> Route read(Class<T> type, Function<T, Route> inner) {
    return Directives.entity(
        Unmarshaller.entityToString(),
        text -> {
          T value;
          try {
            value = Json.MAPPER.readValue(text, type);
          } catch (UnrecognizedPropertyException e) {
            return ApiErrors.complete(
                StatusCodes.BAD_REQUEST,
                "INVALID_JSON",
                "unknown field \"" + e.getPropertyName() + "\"",
                Map.of("field", e.getPropertyName(), "reason", "unknown field"));
          } catch (MismatchedInputException e) {
            String field = path(e);
            return ApiErrors.complete(
                StatusCodes.BAD_REQUEST,
                "INVALID_JSON",
                field.isEmpty()
                    ? "the body must be a JSON object"
                    : "field \"" + field + "\" has the wrong type",
                field.isEmpty() ? Map.of() : Map.of("field", field, "reason", "wrong type"));
          } catch (JsonProcessingException e) {
            return ApiErrors.complete(
                StatusCodes.BAD_REQUEST,
                "INVALID_JSON",
                "the body is not valid JSON: " + e.getOriginalMessage());
          }
          if (value == null) {
            return ApiErrors.complete(
                StatusCodes.BAD_REQUEST, "INVALID_JSON", "the body must be a JSON object");
          }
          return inner.apply(value);
        });
  }

  private static String path(MismatchedInputException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
