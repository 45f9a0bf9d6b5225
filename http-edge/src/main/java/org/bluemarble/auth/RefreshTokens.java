package org.bluemarble.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bluemarble.auth.internal.OpaqueTokens;

/**
 * Issues and rotates opaque refresh tokens (256 random bits, URL-safe, 30 days by default). Every
 * {@link #rotate} spends the presented token and returns its successor in the same family;
 * presenting a spent token revokes the whole family, so a thief and the owner cannot both keep
 * refreshing (OAuth 2.0 Security BCP, refresh token rotation).
 */
public final class RefreshTokens {
  /** DESIGN.md §5. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(30);

  /** A token to hand to the client, with its family and expiry. */
  public record Issued(String token, String familyId, String accountId, Instant expiresAt) {}

  /** Why a rotation was refused; the edge answers 401 with it. */
  public enum Rejection {
    /** Not the shape of a refresh token. */
    MALFORMED,
    /** Never issued or already forgotten. */
    UNKNOWN,
    EXPIRED,
    /** The family had been revoked before (logout or earlier reuse). */
    FAMILY_REVOKED,
    /** The token had been used already; its whole family has now been revoked. */
    REUSED_FAMILY_REVOKED
  }

  /** What {@link #rotate} did. */
  public sealed interface Rotation {}

  /** The presented token is spent; {@code next} replaces it. */
  public record Rotated(Issued next) implements Rotation {}

  /** Nothing issued. */
  public record Rejected(Rejection reason) implements Rotation {}

  private final RefreshTokenStore store;
  private final Duration ttl;
  private final Clock clock;

  public RefreshTokens(RefreshTokenStore store, Duration ttl, Clock clock) {
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("refresh token ttl must be in (0, 365 days], was " + ttl);
    }
    this.store = store;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A token in a new family, at login. */
  public Issued issue(String accountId) {
    return issueIn(UUID.randomUUID().toString(), accountId);
  }

  /** Spends {@code presented} and issues its successor, or says why not. */
  public Rotation rotate(String presented) {
    if (!OpaqueTokens.wellFormed(presented)) {
      return new Rejected(Rejection.MALFORMED);
    }
    RefreshTokenStore.Use use = store.markUsed(OpaqueTokens.sha256(presented), clock.instant());
    return switch (use.status()) {
      case FRESH -> new Rotated(issueIn(use.token().familyId(), use.token().accountId()));
      case ALREADY_USED -> {
        revokeFamily(use.token().familyId());
        yield new Rejected(Rejection.REUSED_FAMILY_REVOKED);
      }
      case FAMILY_REVOKED -> new Rejected(Rejection.FAMILY_REVOKED);
      case EXPIRED -> new Rejected(Rejection.EXPIRED);
      case UNKNOWN -> new Rejected(Rejection.UNKNOWN);
    };
  }

  /**
   * Logout: revokes the family of {@code presented} (spent or not). Returns false when the token is
   * malformed or unknown.
   */
  public boolean revoke(String presented) {
    return revokeFamilyOf(presented).isPresent();
  }

  /**
   * Logout: revokes the family of {@code presented} (spent or not) and returns its id, or empty
   * when the token is malformed or unknown.
   */
  public java.util.Optional<String> revokeFamilyOf(String presented) {
    if (!OpaqueTokens.wellFormed(presented)) {
      return java.util.Optional.empty();
    }
    RefreshTokenStore.Use use = store.markUsed(OpaqueTokens.sha256(presented), clock.instant());
    if (use.token() == null) {
      return java.util.Optional.empty();
    }
    revokeFamily(use.token().familyId());
    return java.util.Optional.of(use.token().familyId());
  }

  /** Revokes a family by its id (a session id), e.g. when its session is ended by the server. */
  public void revokeFamilyById(String familyId) {
    revokeFamily(familyId);
  }

  private void revokeFamily(String familyId) {
    // A family can live at most one ttl past its newest token's issue, which is at most now.
    store.revokeFamily(familyId, clock.instant().plus(ttl));
  }

  private Issued issueIn(String familyId, String accountId) {
    String token = OpaqueTokens.newToken();
    Instant expires = clock.instant().plus(ttl);
    store.save(new StoredRefreshToken(OpaqueTokens.sha256(token), familyId, accountId, expires));
    return new Issued(token, familyId, accountId, expires);
  }
}
