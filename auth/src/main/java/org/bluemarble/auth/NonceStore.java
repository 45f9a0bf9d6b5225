package org.bluemarble.auth;

import java.time.Clock;
import java.time.Instant;
import org.bluemarble.auth.internal.ExpiringMap;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Remembers the OIDC nonces already used by a login, so that a replayed ID token (same nonce) is
 * refused for as long as it could otherwise be accepted. {@link #inMemory} for one node (entries
 * expire, the map is bounded), {@link #redis} shared by every node.
 */
@FunctionalInterface
public interface NonceStore {

  /**
   * Records {@code key} as used until {@code until}; true when it was not used before (this call is
   * the first use), false for a replay. Atomic across concurrent calls.
   */
  boolean firstUse(String key, Instant until);

  /** Nonces in this JVM, at most {@code maxEntries}, each forgotten at its expiry. */
  static NonceStore inMemory(Clock clock, int maxEntries) {
    ExpiringMap<String, Boolean> used = new ExpiringMap<>(clock, maxEntries);
    return (key, until) -> used.putIfAbsent(key, Boolean.TRUE, until);
  }

  /** Nonces in Redis ({@code SET <prefix>oidc-nonce:<key> 1 NX PXAT <until>}). */
  static NonceStore redis(UnifiedJedis redis, String prefix) {
    return (key, until) ->
        redis.set(
                prefix + "oidc-nonce:" + key,
                "1",
                SetParams.setParams().nx().pxAt(until.toEpochMilli()))
            != null;
  }
}
