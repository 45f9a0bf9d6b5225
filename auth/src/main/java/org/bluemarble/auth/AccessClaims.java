package org.bluemarble.auth;

import java.time.Instant;
import java.util.Set;

/**
 * What a verified access token says: who ({@code sub}, {@code name}), which roles, and its id and
 * validity window.
 *
 * @param accountId the {@code sub} claim
 * @param name the account's username at issue time
 * @param roles never empty for tokens this server issues
 * @param tokenId the {@code jti} claim, unique per token (for deny lists and audit)
 * @param sessionId the {@code sid} claim: the login session the token belongs to, or null for a
 *     token issued outside a session (tests, tools)
 */
public record AccessClaims(
    String accountId,
    String name,
    Set<Role> roles,
    String tokenId,
    Instant issuedAt,
    Instant expiresAt,
    String sessionId) {

  public AccessClaims {
    roles = Set.copyOf(roles);
  }

  /** True when the token carries {@code role}. */
  public boolean has(Role role) {
    return roles.contains(role);
  }
}
