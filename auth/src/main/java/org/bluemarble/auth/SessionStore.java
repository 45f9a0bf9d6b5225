package org.bluemarble.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: live sessions by id, and every session of an account (for ban, password change and "log out
 * everywhere"). Redis in production ({@code RedisSessionStore}), in-process in the embedded profile
 * ({@code InMemorySessionStore}); one contract test runs against both.
 */
public interface SessionStore {

  /** Stores or replaces a session until its expiry. */
  void put(Session session);

  /** The session, unless unknown, revoked or expired at {@code now}. */
  Optional<Session> find(String sessionId, Instant now);

  /** Ends one session; false when there was none. */
  boolean revoke(String sessionId);

  /** Ends every session of an account; returns how many there were. */
  int revokeAllOf(String accountId);

  /** The ids of the account's sessions (possibly including expired ones not yet swept). */
  java.util.Set<String> idsOf(String accountId);
}
