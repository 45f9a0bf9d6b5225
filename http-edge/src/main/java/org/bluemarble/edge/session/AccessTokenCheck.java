package org.bluemarble.edge.session;

import org.bluemarble.auth.InvalidTokenException;
import org.bluemarble.auth.TokenService;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/**
 * The session's authentication hook: maps an access token to the account it proves. The node plugs
 * in the JWT check of {@link TokenService}; tests may plug in anything.
 */
@FunctionalInterface
public interface AccessTokenCheck {

  /**
   * The account id the token belongs to.
   *
   * @throws ProtocolException with CODE_UNAUTHENTICATED when the token is missing, forged or
   *     expired
   */
  String accountIdOf(String token);

  /** The real check: a JWT access token signed by this deployment's keys. */
  static AccessTokenCheck jwt(TokenService tokens) {
    return token -> {
      if (token == null || token.isBlank()) {
        throw new ProtocolException(Error.Code.CODE_UNAUTHENTICATED, "token must not be empty");
      }
      try {
        return tokens.verify(token).accountId();
      } catch (InvalidTokenException e) {
        throw new ProtocolException(
            Error.Code.CODE_UNAUTHENTICATED,
            "access token rejected (" + e.reason() + "): " + e.getMessage());
      } catch (RuntimeException e) {
        throw new ProtocolException(
            Error.Code.CODE_UNAUTHENTICATED, "access token rejected: not a valid JWT");
      }
    };
  }
}
