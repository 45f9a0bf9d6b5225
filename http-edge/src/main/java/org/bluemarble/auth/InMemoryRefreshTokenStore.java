package org.bluemarble.auth;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link RefreshTokenStore} in this JVM, for the embedded single-node profile. Atomicity comes from
 * one {@link AtomicBoolean} per token. Expired entries are dropped by {@link
 * #purgeExpired(Instant)}, which the owner calls now and then.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
  private record Entry(StoredRefreshToken token, AtomicBoolean used) {}

  private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
  private final Map<String, Instant> revokedFamilies = new ConcurrentHashMap<>();

  @Override
  public void save(StoredRefreshToken token) {
    tokens.put(token.tokenHash(), new Entry(token, new AtomicBoolean()));
  }

  @Override
  public Use markUsed(String tokenHash, Instant now) {
    Entry entry = tokens.get(tokenHash);
    if (entry == null) {
      return new Use(UseStatus.UNKNOWN, null);
    }
    StoredRefreshToken token = entry.token();
    if (!now.isBefore(token.expiresAt())) {
      return new Use(UseStatus.EXPIRED, token);
    }
    if (familyRevoked(token.familyId(), now)) {
      return new Use(UseStatus.FAMILY_REVOKED, token);
    }
    if (!entry.used().compareAndSet(false, true)) {
      return new Use(UseStatus.ALREADY_USED, token);
    }
    return new Use(UseStatus.FRESH, token);
  }

  @Override
  public void revokeFamily(String familyId, Instant until) {
    revokedFamilies.merge(familyId, until, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** Forgets tokens and family revocations that can no longer matter. */
  public void purgeExpired(Instant now) {
    tokens.values().removeIf(e -> !now.isBefore(e.token().expiresAt()));
    revokedFamilies.values().removeIf(until -> !now.isBefore(until));
  }

  private boolean familyRevoked(String familyId, Instant now) {
    Instant until = revokedFamilies.get(familyId);
    return until != null && now.isBefore(until);
  }
}
