package org.bluemarble.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SessionStore} in this JVM, for the embedded single-node profile. */
public final class InMemorySessionStore implements SessionStore {
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> byAccount = new ConcurrentHashMap<>();

  @Override
  public void put(Session session) {
    sessions.put(session.sessionId(), session);
    byAccount
        .computeIfAbsent(session.accountId(), a -> ConcurrentHashMap.newKeySet())
        .add(session.sessionId());
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
}
