package org.bluemarble.auth;

/**
 * Why {@link TokenService#verify(String)} refused a token; the edge answers 401 with this reason.
 */
public enum TokenRejection {
  /** Not a compact JWS, or a required claim is missing or has the wrong type. */
  MALFORMED,
  /** {@code alg: none}, an unsigned or encrypted token, or an algorithm other than ES256. */
  UNSUPPORTED_ALGORITHM,
  /** No {@code kid}, or a {@code kid} that is not in the key ring (signed by another key). */
  UNKNOWN_KEY,
  /** The signature does not match the key named by {@code kid}. */
  BAD_SIGNATURE,
  /** {@code exp} is further in the past than the allowed clock skew. */
  EXPIRED,
  /** {@code iat} is further in the future than the allowed clock skew. */
  NOT_YET_VALID,
  /** {@code iss} is not this server's issuer. */
  WRONG_ISSUER,
  /** {@code aud} does not contain this server's audience. */
  WRONG_AUDIENCE,
  /**
   * The token's session ({@code sid}) was ended (logout, ban, erasure, role change) or the token
   * carries no {@code sid} where sessions are enforced.
   */
  SESSION_REVOKED
}
