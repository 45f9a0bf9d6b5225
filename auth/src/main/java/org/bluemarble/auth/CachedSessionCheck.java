package org.bluemarble.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SessionCheck} over a {@link SessionStore} with a short per-node cache, so that a burst of
 * requests with one token costs one store lookup (a Redis GET in production) per {@code ttl}.
 *
 * <p>Staleness bound: a node that looked a session up less than {@code ttl} ago keeps its answer
 * for the rest of that window, so a revoked session's tokens are refused on every node at most
 * {@code ttl} after the revocation (default 2 s, {@code bluemarble.auth.session-check-cache}). Zero
 * disables the cache. The cache holds at most {@link #MAX_ENTRIES} sessions and is emptied when it
 * would grow beyond that.
 */
public final class CachedSessionCheck implements SessionCheck {
  /** Bounds memory: about 100 bytes per entry. */
  static final int MAX_ENTRIES = 200_000;

  private record Answer(boolean live, Instant checkedAt) {}

  private final SessionStore store;
  private final Duration ttl;
  private final Clock clock;
  private final Map<String, Answer> cache = new ConcurrentHashMap<>();

  /**
   * @param ttl how long an answer is reused, 0 .. 1 min
   */
  public CachedSessionCheck(SessionStore store, Duration ttl, Clock clock) {
    if (ttl == null || ttl.isNegative() || ttl.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("session check cache ttl must be 0 .. 1 min, was " + ttl);
    }
    this.store = store;
    this.ttl = ttl;
    this.clock = clock;
  }

  @Override
  public boolean live(String sessionId, String accountId) {
    Instant now = clock.instant();
    String key = sessionId + "/" + accountId;
    Answer cached = cache.get(key);
    if (cached != null && now.isBefore(cached.checkedAt().plus(ttl))) {
      return cached.live();
    }
    boolean live =
        store.find(sessionId, now).map(s -> s.accountId().equals(accountId)).orElse(false);
    if (!ttl.isZero()) {
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(key, new Answer(live, now));
    }
    return live;
  }
}
