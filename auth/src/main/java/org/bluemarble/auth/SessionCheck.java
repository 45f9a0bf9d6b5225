package org.bluemarble.auth;

/**
 * Whether the login session an access token names is still live. {@link TokenService} asks it on
 * every verification when sessions are enforced, so that logout, bans and erasure end tokens before
 * their 15 minutes are up.
 */
@FunctionalInterface
public interface SessionCheck {

  /** True when {@code sessionId} exists, is unexpired and belongs to {@code accountId}. */
  boolean live(String sessionId, String accountId);
}
