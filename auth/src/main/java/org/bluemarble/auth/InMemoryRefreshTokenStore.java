package org.bluemarble.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bluemarble.auth.internal.ExpiringMap;

/**
 * {@link RefreshTokenStore} in this JVM, for the embedded single-node profile. Atomicity comes from
 * one {@link AtomicBoolean} per token. Every map is an {@link ExpiringMap}: tokens are forgotten at
 * their expiry, revocations when no token of the family can be alive, grace replies after the grace
 * window, by sweeps that the writes themselves run; at most {@link #MAX_ENTRIES} of each.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
  /**
   * An expired token is kept this long past its expiry so that it is reported {@code EXPIRED}
   * rather than {@code UNKNOWN}.
   */
  static final java.time.Duration KEEP_EXPIRED = java.time.Duration.ofDays(1);

  /** Bounds memory per map: a refresh token entry is about 300 bytes. */
  static final int MAX_ENTRIES = 1_000_000;

  private record Entry(StoredRefreshToken token, AtomicBoolean used) {}

  private final ExpiringMap<String, Entry> tokens;
  private final ExpiringMap<String, Instant> revokedFamilies;
  private final ExpiringMap<String, String> replies;

  /** A store on the system clock. */
  public InMemoryRefreshTokenStore() {
    this(Clock.systemUTC());
  }

  /** A store whose entries expire by {@code clock}. */
  public InMemoryRefreshTokenStore(Clock clock) {
    this.tokens = new ExpiringMap<>(clock, MAX_ENTRIES);
    this.revokedFamilies = new ExpiringMap<>(clock, MAX_ENTRIES);
    this.replies = new ExpiringMap<>(clock, MAX_ENTRIES);
  }

  @Override
  public void save(StoredRefreshToken token) {
    tokens.put(
        token.tokenHash(),
        new Entry(token, new AtomicBoolean()),
        token.expiresAt().plus(KEEP_EXPIRED));
  }

  @Override
  public Use markUsed(String tokenHash, Instant now) {
    Optional<Entry> found = tokens.get(tokenHash, now);
    if (found.isEmpty()) {
      return new Use(UseStatus.UNKNOWN, null);
    }
    Entry entry = found.get();
    StoredRefreshToken token = entry.token();
    if (!now.isBefore(token.expiresAt())) {
      return new Use(UseStatus.EXPIRED, token);
    }
    if (revokedFamilies.get(token.familyId(), now).isPresent()) {
      return new Use(UseStatus.FAMILY_REVOKED, token);
    }
    if (!entry.used().compareAndSet(false, true)) {
      return new Use(UseStatus.ALREADY_USED, token);
    }
    return new Use(UseStatus.FRESH, token);
  }

  @Override
  public void revokeFamily(String familyId, Instant until) {
    revokedFamilies.compute(
        familyId, (id, old) -> old != null && old.isAfter(until) ? old : until, until);
  }

  @Override
  public void keepReply(String tokenHash, String sealedReply, Instant until) {
    replies.put(tokenHash, sealedReply, until);
  }

  @Override
  public Optional<String> reply(String tokenHash, Instant now) {
    return replies.get(tokenHash, now);
  }

  /**
   * What this store holds at {@code now}, for {@link LoginStateFile}: unexpired tokens with whether
   * they are spent, and live family revocations.
   */
  Saved save(Instant now) {
    java.util.List<SavedToken> saved = new java.util.ArrayList<>();
    tokens.live(now).values().forEach(e -> saved.add(new SavedToken(e.token(), e.used().get())));
    return new Saved(saved, revokedFamilies.live(now));
  }

  /** Puts back what {@link #save} returned. */
  void restore(Saved saved) {
    for (SavedToken t : saved.tokens()) {
      tokens.put(
          t.token().tokenHash(),
          new Entry(t.token(), new AtomicBoolean(t.used())),
          t.token().expiresAt().plus(KEEP_EXPIRED));
    }
    saved.revokedFamilies().forEach((family, until) -> revokedFamilies.put(family, until, until));
  }

  /** A stored token and whether it was spent. */
  record SavedToken(StoredRefreshToken token, boolean used) {}

  /** The state {@link #save} returns. */
  record Saved(java.util.List<SavedToken> tokens, java.util.Map<String, Instant> revokedFamilies) {}

  /** Tokens held, expired ones not yet swept included (tests check that sweeps run). */
  int size() {
    return tokens.size();
  }
}
