package org.bluemarble.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link SessionStore} in this JVM, for the embedded single-node profile. Expired sessions are
 * swept every {@link #SWEEP_EVERY} puts, so memory follows the live sessions rather than every
 * login since start.
 */
public final class InMemorySessionStore implements SessionStore {
  /** Puts between two sweeps of expired sessions. */
  static final int SWEEP_EVERY = 4096;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byAccount = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong puts =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.time.Clock clock;

  /** A store that sweeps by the system clock. */
  public InMemorySessionStore() {
    this(java.time.Clock.systemUTC());
  }

  /** A store that sweeps sessions expired by {@code clock}. */
  public InMemorySessionStore(java.time.Clock clock) {
    this.clock = clock;
  }

  @Override
  public void put(Session session) {
    if (puts.incrementAndGet() % SWEEP_EVERY == 0) {
      sweep(clock.instant());
    }
    sessions.put(session.sessionId(), session);
    byAccount
        .computeIfAbsent(session.accountId(), a -> ConcurrentHashMap.newKeySet())
        .add(session.sessionId());
  }

  @Override
  public java.util.Set<String> idsOf(String accountId) {
    Set<String> ids = byAccount.get(accountId);
    return ids == null ? java.util.Set.of() : java.util.Set.copyOf(ids);
  }

  @Override
  public Optional<Session> find(String sessionId, Instant now) {
    Session session = sessions.get(sessionId);
    if (session == null || !now.isBefore(session.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(session);
  }

  @Override
  public boolean revoke(String sessionId) {
    Session removed = sessions.remove(sessionId);
    if (removed == null) {
      return false;
    }
    Set<String> ids = byAccount.get(removed.accountId());
    if (ids != null) {
      ids.remove(sessionId);
    }
    return true;
  }

  @Override
  public int revokeAllOf(String accountId) {
    Set<String> ids = byAccount.remove(accountId);
    if (ids == null) {
      return 0;
    }
    int count = 0;
    for (String id : ids) {
      if (sessions.remove(id) != null) {
        count++;
      }
    }
    return count;
  }

  /** The sessions live at {@code now}, for {@link LoginStateFile}. */
  java.util.List<Session> live(Instant now) {
    return sessions.values().stream().filter(s -> now.isBefore(s.expiresAt())).toList();
  }

  private void sweep(Instant now) {
    for (Session s : sessions.values()) {
      if (!now.isBefore(s.expiresAt())) {
        revoke(s.sessionId());
      }
    }
  }
}
