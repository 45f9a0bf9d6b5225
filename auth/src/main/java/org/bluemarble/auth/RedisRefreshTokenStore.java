package org.bluemarble.auth;

import java.time.Instant;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * {@link RefreshTokenStore} in Redis, shared by every node. No script is needed: each write is one
 * command, and the atomic "mark used" is {@code SET <prefix>used:<hash> 1 NX PXAT <expiry>}, so of
 * concurrent rotations on any nodes exactly one gets {@code OK}.
 *
 * <p>Keys (all expire with the token, or the family's last possible expiry):
 *
 * <ul>
 *   <li>{@code <prefix>token:<sha256>} → {@code <family>|<expiresMillis>|<accountId>}
 *   <li>{@code <prefix>used:<sha256>} → {@code 1} once spent
 *   <li>{@code <prefix>family-revoked:<family>} → {@code 1}
 *   <li>{@code <prefix>reply:<sha256>} → the sealed answer of the rotation that spent the token,
 *       for the grace window
 * </ul>
 */
public final class RedisRefreshTokenStore implements RefreshTokenStore {
  private final UnifiedJedis redis;
  private final String prefix;

  /**
   * @param prefix key prefix, e.g. {@code bm:rt:}; lets several deployments or tests share one
   *     Redis
   */
  public RedisRefreshTokenStore(UnifiedJedis redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  @Override
  public void save(StoredRefreshToken token) {
    String value =
        token.familyId() + "|" + token.expiresAt().toEpochMilli() + "|" + token.accountId();
    redis.set(
        prefix + "token:" + token.tokenHash(),
        value,
        SetParams.setParams().pxAt(token.expiresAt().toEpochMilli()));
  }

  @Override
  public Use markUsed(String tokenHash, Instant now) {
    String value = redis.get(prefix + "token:" + tokenHash);
    if (value == null) {
      return new Use(UseStatus.UNKNOWN, null);
    }
    StoredRefreshToken token = parse(tokenHash, value);
    if (!now.isBefore(token.expiresAt())) {
      return new Use(UseStatus.EXPIRED, token);
    }
    if (familyRevoked(token.familyId())) {
      return new Use(UseStatus.FAMILY_REVOKED, token);
    }
    String won =
        redis.set(
            prefix + "used:" + tokenHash,
            "1",
            SetParams.setParams().nx().pxAt(token.expiresAt().toEpochMilli()));
    if (won == null) {
      return new Use(UseStatus.ALREADY_USED, token);
    }
    // A revocation landing between the family check and the SET lets this caller rotate once more;
    // its successor is refused on
    // first use because the family stays revoked. Re-checking here would let a losing racer's
    // revocation starve the winner.
    return new Use(UseStatus.FRESH, token);
  }

  @Override
  public void revokeFamily(String familyId, Instant until) {
    redis.set(
        prefix + "family-revoked:" + familyId,
        "1",
        SetParams.setParams().pxAt(until.toEpochMilli()));
  }

  private boolean familyRevoked(String familyId) {
    return redis.exists(prefix + "family-revoked:" + familyId);
  }

  private static StoredRefreshToken parse(String hash, String value) {
    String[] parts = value.split("\\|", 3);
    if (parts.length != 3) {
      throw new IllegalStateException("refresh token record " + hash + " is corrupt");
    }
    return new StoredRefreshToken(
        hash, parts[0], parts[2], Instant.ofEpochMilli(Long.parseLong(parts[1])));
  }

  @Override
  public void keepReply(String tokenHash, String sealedReply, Instant until) {
    redis.set(
        prefix + "reply:" + tokenHash,
        until.toEpochMilli() + "|" + sealedReply,
        SetParams.setParams().pxAt(until.toEpochMilli()));
  }

  @Override
  public java.util.Optional<String> reply(String tokenHash, Instant now) {
    String value = redis.get(prefix + "reply:" + tokenHash);
    if (value == null || value.indexOf('|') < 0) {
      return java.util.Optional.empty();
    }
    int bar = value.indexOf('|');
    // Redis drops the key by its own clock; the window is also checked by ours.
    return now.toEpochMilli() < Long.parseLong(value.substring(0, bar))
        ? java.util.Optional.of(value.substring(bar + 1))
        : java.util.Optional.empty();
  }
}
