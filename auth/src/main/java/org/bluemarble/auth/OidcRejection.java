package org.bluemarble.auth;

/** Why {@link OidcVerifier} refused an ID token. */
public enum OidcRejection {
  /** The provider name is not configured. */
  UNKNOWN_PROVIDER,
  /** Not a compact JWS, or required claims missing. */
  MALFORMED,
  /** Unsigned ({@code alg: none}), symmetric or otherwise not an accepted algorithm. */
  UNSUPPORTED_ALGORITHM,
  /** The provider's JWKS has no key with the token's {@code kid}. */
  UNKNOWN_KEY,
  BAD_SIGNATURE,
  EXPIRED,
  WRONG_ISSUER,
  WRONG_AUDIENCE,
  /** The {@code nonce} is missing or not the one this login sent. */
  NONCE_MISMATCH,
  /** The nonce was used by an earlier login: a replayed ID token. */
  NONCE_REUSED,
  /** The provider's JWKS could not be fetched (and none is cached). */
  JWKS_UNAVAILABLE
}
