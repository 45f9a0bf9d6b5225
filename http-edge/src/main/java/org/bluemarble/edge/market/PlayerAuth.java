package org.bluemarble.edge.market;

import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.InvalidTokenException;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.internal.ApiErrors;

/**
 * Authenticates a player route with the JWT access token ({@code Authorization: Bearer ...}). The
 * economy acts for the token's subject: until characters can be chosen per request, a player's
 * wallet is keyed by the account id (one place to change: {@link #playerOf}).
 */
final class PlayerAuth {
  private final TokenService tokens;

  PlayerAuth(TokenService tokens) {
    this.tokens = tokens;
  }

  Route player(Function<String, Route> inner) {
    return Directives.optionalHeaderValueByName(
        "Authorization",
        header -> {
          String value = header.orElse("");
          if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("send Authorization: Bearer <access token>");
          }
          try {
            return inner.apply(playerOf(tokens.verify(value.substring(7).trim())));
          } catch (InvalidTokenException e) {
            return unauthorized("access token rejected: " + e.getMessage());
          }
        });
  }

  /** The economy's player id for a verified token. */
  static String playerOf(AccessClaims claims) {
    return claims.accountId();
  }

  private static Route unauthorized(String message) {
    return ApiErrors.complete(StatusCodes.UNAUTHORIZED, "UNAUTHORIZED", message);
  }
}
