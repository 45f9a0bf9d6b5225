package org.bluemarble.edge.market;

import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.InvalidTokenException;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.internal.ApiErrors;

/**
 * Authenticates a marketplace route with the JWT access token ({@code Authorization: Bearer ...})
 * and decides whom the request acts for: with an {@code X-Character-Id} header, that character's
 * holdings once {@link CharacterOwnership} confirms it is one of the token's account (403 {@code
 * NOT_YOUR_CHARACTER} for another account's, 404 for an unknown one); without it, the account's own
 * holdings, keyed by the account id: the account bank, shared by its characters.
 */
final class PlayerAuth {
  static final String CHARACTER_HEADER = "X-Character-Id";

  private final TokenService tokens;
  private final CharacterOwnership ownership;

  PlayerAuth(TokenService tokens, CharacterOwnership ownership) {
    this.tokens = tokens;
    this.ownership = ownership;
  }

  Route player(Function<String, Route> inner) {
    return Directives.optionalHeaderValueByName(
        "Authorization",
        header -> {
          String value = header.orElse("");
          if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized("send Authorization: Bearer <access token>");
          }
          // The session check may be a Redis GET: verifyAsync keeps it off this thread.
          return Directives.onComplete(
              tokens.verifyAsync(value.substring(7).trim()),
              verified -> {
                if (verified.isFailure()) {
                  Throwable failure = verified.failed().get();
                  if (failure instanceof java.util.concurrent.CompletionException
                      && failure.getCause() != null) {
                    failure = failure.getCause();
                  }
                  return unauthorized(
                      failure instanceof InvalidTokenException
                          ? "access token rejected: " + failure.getMessage()
                          : "access token rejected");
                }
                return authenticated(playerOf(verified.get()), inner);
              });
        });
  }

  private Route authenticated(String account, Function<String, Route> inner) {
    return AccountLimits.withAccount(
        account,
        () ->
            Directives.optionalHeaderValueByName(
                CHARACTER_HEADER,
                character ->
                    character.isEmpty()
                        ? inner.apply(account)
                        : acting(account, character.get(), inner)));
  }

  /** The account bank's player id for a verified token: the account id. */
  static String playerOf(AccessClaims claims) {
    return claims.accountId();
  }

  private Route acting(String account, String character, Function<String, Route> inner) {
    String id;
    try {
      id = UUID.fromString(character.trim()).toString();
    } catch (IllegalArgumentException e) {
      return unknown(character);
    }
    return Directives.onComplete(
        ownership.check(account, id),
        verdict -> {
          if (verdict.isFailure()) {
            return MarketHttp.failure(verdict.failed().get());
          }
          return switch (verdict.get()) {
            case OWNED -> inner.apply(id);
            case NOT_YOURS ->
                ApiErrors.complete(
                    StatusCodes.FORBIDDEN,
                    "NOT_YOUR_CHARACTER",
                    CHARACTER_HEADER + " " + id + " is not a character of this account");
            case UNKNOWN -> unknown(character);
          };
        });
  }

  private static Route unknown(String character) {
    return ApiErrors.complete(
        StatusCodes.NOT_FOUND,
        "NOT_FOUND",
        CHARACTER_HEADER + " names no character: '" + character + "'");
  }

  private static Route unauthorized(String message) {
    return ApiErrors.complete(StatusCodes.UNAUTHORIZED, "UNAUTHORIZED", message);
  }
}
