package org.bluemarble.auth;

import java.time.Instant;
import java.util.Set;

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
}
