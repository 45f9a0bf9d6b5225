package org.bluemarble.auth;

import java.time.Instant;

/**
 * Port: where refresh tokens live. Production uses {@code RedisRefreshTokenStore}, the embedded
 * profile {@code InMemoryRefreshTokenStore}; both pass the same contract tests.
 *
 * <p>The one hard rule: {@link #markUsed} is atomic. Of any number of concurrent calls for one
 * token, exactly one sees {@link UseStatus#FRESH}.
 */
public interface RefreshTokenStore {

  /** What {@link #markUsed} found. */
  enum UseStatus {
    /** The token was unused and is now marked used; the caller may issue its successor. */
    FRESH,
    /** The token had been used before: a replay (or a lost race); the caller revokes the family. */
    ALREADY_USED,
    /** The token's family was revoked (logout, or an earlier reuse). */
    FAMILY_REVOKED,
    /** The token is past its expiry. */
    EXPIRED,
    /** No such token (never issued, or forgotten after expiry). */
    UNKNOWN
  }

  /**
   * The outcome of {@link #markUsed}.
   *
   * @param token the stored token; null only when {@code status} is {@link UseStatus#UNKNOWN}
   */
  record Use(UseStatus status, StoredRefreshToken token) {}

  /** Stores a newly issued token until its expiry. */
  void save(StoredRefreshToken token);

  /**
   * Atomically marks a token used, unless it is unknown, expired, already used or in a revoked
   * family.
   */
  Use markUsed(String tokenHash, Instant now);

  /**
   * Revokes every token of a family, past and future, until {@code until} (the family's last
   * possible expiry).
   */
  void revokeFamily(String familyId, Instant until);

  /**
   * Keeps the sealed answer of the rotation that spent {@code tokenHash} until {@code until} (the
   * refresh grace window), so that a retry after a lost response gets the same pair.
   */
  void keepReply(String tokenHash, String sealedReply, Instant until);

  /** The answer kept by {@link #keepReply}, unless none was kept or its window is over. */
  java.util.Optional<String> reply(String tokenHash, Instant now);
}
