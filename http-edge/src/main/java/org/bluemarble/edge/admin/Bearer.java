package org.bluemarble.edge.admin;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.InvalidTokenException;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.internal.ApiErrors;

/**
 * The {@code Authorization: Bearer <access token>} check shared by the admin gate and the player
 * routes: 401 with {@code WWW-Authenticate: Bearer} when the header is missing or the token is
 * refused (the reason is in the error details).
 */
public final class Bearer {
  private Bearer() {}

  /** Runs {@code inner} with the verified claims of the request's access token, or answers 401. */
  public static Route authenticate(TokenService tokens, Function<AccessClaims, Route> inner) {
    return Directives.extractRequest(
        request -> {
          Optional<String> token = token(request);
          if (token.isEmpty()) {
            return unauthorized("MISSING_TOKEN", "send Authorization: Bearer <access token>", null);
          }
          // The session check may be a Redis GET: verifyAsync keeps it off this thread.
          return Directives.onComplete(
              tokens.verifyAsync(token.get()),
              verified -> {
                if (verified.isSuccess()) {
                  return inner.apply(verified.get());
                }
                Throwable failure = verified.failed().get();
                if (failure instanceof java.util.concurrent.CompletionException
                    && failure.getCause() != null) {
                  failure = failure.getCause();
                }
                if (failure instanceof InvalidTokenException e) {
                  return unauthorized(
                      "INVALID_TOKEN",
                      "the access token was refused; log in again",
                      e.reason().name());
                }
                return unauthorized(
                    "INVALID_TOKEN", "the access token was refused; log in again", null);
              });
        });
  }

  /** The bearer token of a request, if it carries one. */
  public static Optional<String> token(HttpRequest request) {
    return request
        .getHeader("Authorization")
        .map(h -> h.value().trim())
        .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
        .map(v -> v.substring(7).trim())
        .filter(v -> !v.isEmpty());
  }

  private static Route unauthorized(String code, String message, String reason) {
    return Directives.respondWithHeader(
        RawHeader.create("WWW-Authenticate", "Bearer realm=\"bluemarble\""),
        () ->
            ApiErrors.complete(
                StatusCodes.UNAUTHORIZED,
                code,
                message,
                reason == null ? Map.of() : Map.of("reason", reason)));
  }
}
