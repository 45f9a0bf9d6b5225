package org.bluemarble.edge.market;

import java.util.List;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.RateLimitDecision;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.auth.RateLimiter;
import org.bluemarble.edge.internal.ApiErrors;

/**
 * The marketplace's rate limits, keyed by the authenticated account (never by the acting character,
 * so ten characters do not get ten buckets): {@link PlayerAuth} records the account on the request,
 * {@link #limited} spends a token of its bucket or answers 429 with {@code Retry-After} and {@code
 * X-RateLimit-*}. The game protocol's economy messages use the same buckets.
 */
final class AccountLimits {
  private static final AttributeKey<String> ACCOUNT =
      AttributeKey.create("bluemarble-market-account", String.class);

  private AccountLimits() {}

  /** {@code inner} with {@code account} recorded as the request's limit key. */
  static Route withAccount(String account, Supplier<Route> inner) {
    return Directives.mapRequest(r -> r.addAttribute(ACCOUNT, account), inner);
  }

  /**
   * Runs {@code inner} if the account's {@code kind} bucket has a token, else answers 429.
   *
   * @param fallback the key when no account was recorded (routes outside {@link PlayerAuth})
   * @param what what is limited, for the message
   */
  static Route limited(
      RateLimiter limiter,
      RateLimitKind kind,
      String fallback,
      String what,
      Supplier<Route> inner) {
    return Directives.extractRequest(
        request -> {
          String key = request.getAttribute(ACCOUNT).orElse(fallback);
          RateLimitDecision d = limiter.tryAcquire(kind, key);
          if (d.allowed()) {
            return inner.get();
          }
          return Directives.respondWithHeaders(
              List.of(
                  RawHeader.create("Retry-After", Long.toString(d.retryAfterSeconds())),
                  RawHeader.create("X-RateLimit-Limit", Long.toString(d.limit())),
                  RawHeader.create("X-RateLimit-Remaining", Long.toString(d.remaining()))),
              () ->
                  ApiErrors.complete(
                      StatusCodes.TOO_MANY_REQUESTS,
                      "RATE_LIMITED",
                      "too many " + what + "; retry after " + d.retryAfterSeconds() + " s"));
        });
  }
}
