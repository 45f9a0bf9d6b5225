package org.bluemarble.edge.market;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.internal.ApiErrors;

/**
 * Reads the optional {@code Idempotency-Key} header of a creating economy request (listing, trade,
 * order, auction, bid). The economy derives the created thing's id from the acting player and the
 * key, so a retry with the same key and body gets the first request's answer and is charged once;
 * the same key with another body is refused with 422 {@code IDEMPOTENCY_KEY_REUSED}. Nothing is
 * remembered on the edge: the entities' journals are the memory, on every node.
 */
final class IdempotencyKeys {
  static final String HEADER = "Idempotency-Key";

  /** 1-64 of letters, digits, '_' and '-' (the same rule as the economy's). */
  static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private IdempotencyKeys() {}

  /** Passes the key (null when the header is absent) or answers 400 for a malformed one. */
  static Route optional(Function<String, Route> inner) {
    return Directives.optionalHeaderValueByName(
        HEADER,
        header -> {
          if (header.isEmpty()) {
            return inner.apply(null);
          }
          String key = header.get();
          if (!SHAPE.matcher(key).matches()) {
            String message =
                HEADER
                    + " must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-', was '"
                    + (key.length() > 80 ? key.substring(0, 80) + "..." : key)
                    + "'";
            return ApiErrors.complete(
                StatusCodes.BAD_REQUEST,
                "INVALID_INPUT",
                message,
                Map.of("field", HEADER, "reason", message));
          }
          return inner.apply(key);
        });
  }
}
