package org.bluemarble.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.bluemarble.auth.internal.OpaqueTokens;

/**
 * A logged-in session: which account, with which roles, until when. Stored by a {@link
 * SessionStore} under an opaque id that the WebSocket/UDP edge presents.
 */
public record Session(String sessionId, String accountId, Set<Role> roles, Instant expiresAt) {
  public Session {
    if (sessionId == null || sessionId.isBlank()) {
      throw new IllegalArgumentException("sessionId must not be blank");
    }
    if (accountId == null || accountId.isBlank()) {
      throw new IllegalArgumentException("accountId must not be blank");
    }
    roles = Set.copyOf(roles);
  }

  /**
   * A new session with a fresh 256-bit URL-safe id, expiring {@code ttl} after {@code now}
   * (millisecond precision).
   */
  public static Session open(String accountId, Set<Role> roles, Instant now, Duration ttl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("session ttl must be positive, was " + ttl);
    }
    Instant expires = now.plus(ttl).truncatedTo(ChronoUnit.MILLIS);
    return new Session(OpaqueTokens.newToken(), accountId, roles, expires);
  }
}
