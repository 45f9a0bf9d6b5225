package org.bluemarble.edge.market;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.TraceContext;
import org.bluemarble.edge.port.MarketRefusal;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.edge.port.TraceScope;

/**
 * What the economy routes share: completing with a port's answer, mapping the economy's error codes
 * to HTTP statuses, and copper amounts as g/s/c text.
 */
final class MarketHttp {
  private MarketHttp() {}

  /**
   * The HTTP status of an economy error code: 409 for state conflicts (LISTING_UNAVAILABLE,
   * DUPLICATE_LISTING, trade state), 422 when the player lacks what the operation needs
   * (INSUFFICIENT_FUNDS/INVENTORY/SPACE, limits) or reused an idempotency key for another body, 403
   * for someone else's listing or a frozen account, 503 while the economy is read-only, 404 for
   * unknown ids, else 400.
   */
  static StatusCode status(String code) {
    return switch (code) {
      case "LISTING_UNAVAILABLE",
          "DUPLICATE_LISTING",
          "TRADE_STATE",
          "OFFER_CHANGED",
          "IDEMPOTENCY_CONFLICT",
          "ORDER_UNAVAILABLE",
          "AUCTION_CLOSED",
          "BID_TOO_LOW" ->
          StatusCodes.CONFLICT;
      case "INSUFFICIENT_FUNDS",
          "INSUFFICIENT_INVENTORY",
          "INSUFFICIENT_SPACE",
          "LISTING_LIMIT_REACHED",
          "ITEM_VALUE_LIMIT_EXCEEDED",
          "NOT_TRADEABLE",
          "IDEMPOTENCY_KEY_REUSED" ->
          StatusCodes.UNPROCESSABLE_CONTENT;
      case "NOT_OWNER", "TRADING_FROZEN", "SELF_TRADE" -> StatusCodes.FORBIDDEN;
      case "ECONOMY_READ_ONLY" -> StatusCodes.SERVICE_UNAVAILABLE;
      case "NOT_FOUND" -> StatusCodes.NOT_FOUND;
      default -> StatusCodes.BAD_REQUEST;
    };
  }

  /**
   * As {@link #reply(CompletionStage, StatusCode, Function)}, calling the port under the request's
   * W3C trace ({@link TraceScope}), so the entity that handles the command logs its trace id.
   */
  static <T> Route tracedReply(
      Supplier<CompletionStage<T>> portCall, StatusCode ok, Function<T, Object> body) {
    return TraceContext.current(
        trace -> reply(TraceScope.call(trace.traceId(), portCall), ok, body));
  }

  /** Completes with {@code ok} and the mapped body, or with the refusal's status and code. */
  static <T> Route reply(CompletionStage<T> answer, StatusCode ok, Function<T, Object> body) {
    return Directives.onComplete(
        answer,
        result -> {
          if (result.isSuccess()) {
            return Directives.complete(ok, body.apply(result.get()), Json.marshaller());
          }
          return failure(result.failed().get());
        });
  }

  static <T> Route reply(CompletionStage<T> answer, StatusCode ok) {
    return reply(answer, ok, t -> t);
  }

  static Route failure(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    if (cause instanceof MarketRefusal r) {
      return ApiErrors.complete(status(r.code()), r.code(), r.getMessage());
    }
    if (cause instanceof PortException p) {
      return ApiErrors.fromPort(p);
    }
    if (cause instanceof IllegalArgumentException e) {
      return ApiErrors.complete(StatusCodes.BAD_REQUEST, "INVALID_INPUT", e.getMessage());
    }
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    throw new CompletionException(cause);
  }

  static Route invalid(String field, String message) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_INPUT",
        message,
        Map.of("field", field, "reason", message));
  }

  /** {@code "12g 3s 45c"} for 120345 copper; "0c" for zero. */
  static String text(long copper) {
    if (copper == 0) {
      return "0c";
    }
    long abs = Math.abs(copper);
    StringBuilder out = new StringBuilder(copper < 0 ? "-" : "");
    long[] parts = {abs / 10_000, abs / 100 % 100, abs % 100};
    String units = "gsc";
    for (int i = 0; i < 3; i++) {
      if (parts[i] != 0) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
          out.append(' ');
        }
        out.append(parts[i]).append(units.charAt(i));
      }
    }
    return out.toString();
  }

  /** An amount both ways: {@code {"copper": 120345, "text": "12g 3s 45c"}}. */
  record Amount(long copper, String text) {
    static Amount of(long copper) {
      return new Amount(copper, MarketHttp.text(copper));
    }
  }
}
