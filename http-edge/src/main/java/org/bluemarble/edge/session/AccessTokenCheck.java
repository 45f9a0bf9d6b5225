package org.bluemarble.edge.session;

import org.bluemarble.auth.AccessClaims;
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
   * Who a token proves.
   *
   * @param sessionId the login session ({@code sid}) the token belongs to; null when the check
   *     knows none (then revocations reach the game session only through the world)
   */
  record Verified(String accountId, String sessionId) {}

  /**
   * The account id the token belongs to.
   *
   * @throws ProtocolException with CODE_UNAUTHENTICATED when the token is missing, forged or
   *     expired
   */
  String accountIdOf(String token);

  /** The account and login session of the token; blocking when sessions are checked. */
  default Verified verify(String token) {
    return new Verified(accountIdOf(token), null);
  }

  /** The real check: a JWT access token signed by this deployment's keys. */
  static AccessTokenCheck jwt(TokenService tokens) {
    return new AccessTokenCheck() {
      @Override
      public String accountIdOf(String token) {
        return verify(token).accountId();
      }

      @Override
      public Verified verify(String token) {
        AccessClaims claims = claims(tokens, token);
        return new Verified(claims.accountId(), claims.sessionId());
      }
    };
  }

  private static AccessClaims claims(TokenService tokens, String token) {
    if (token == null || token.isBlank()) {
      throw new ProtocolException(Error.Code.CODE_UNAUTHENTICATED, "token must not be empty");
    }
    try {
      return tokens.verify(token);
    } catch (InvalidTokenException e) {
      throw new ProtocolException(
          Error.Code.CODE_UNAUTHENTICATED,
          "access token rejected (" + e.reason() + "): " + e.getMessage());
    } catch (RuntimeException e) {
      throw new ProtocolException(
          Error.Code.CODE_UNAUTHENTICATED, "access token rejected: not a valid JWT");
    }
  }
}
