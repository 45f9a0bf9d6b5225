package org.bluemarble.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bluemarble.auth.internal.OpaqueTokens;
import org.bluemarble.auth.internal.ReplySeal;

/**
 * Issues and rotates opaque refresh tokens (256 random bits, URL-safe, 30 days by default). Every
 * {@link #rotate} spends the presented token and returns its successor in the same family;
 * presenting a spent token revokes the whole family, so a thief and the owner cannot both keep
 * refreshing (OAuth 2.0 Security BCP, refresh token rotation).
 *
 * <p>Grace for lost responses: when the caller keeps the answer of a rotation ({@link
 * #rememberReply}), presenting the spent token again within {@code grace} returns that same answer
 * ({@link Retried}) instead of revoking the family; after the grace, reuse revokes as before. The
 * answer is stored sealed under a key derived from the spent token (see {@code ReplySeal}). A retry
 * that arrives before the first rotation stored its answer still counts as reuse.
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

  /**
   * The presented token was spent within the grace window by a rotation whose answer was kept:
   * {@code reply} is that answer, to send again.
   */
  public record Retried(String reply) implements Rotation {}

  /** Default grace window for a retried refresh ({@code bluemarble.auth.refresh-grace}). */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  private final RefreshTokenStore store;
  private final Duration ttl;
  private final Duration grace;
  private final Clock clock;

  /** Tokens without a grace window: every reuse revokes the family. */
  public RefreshTokens(RefreshTokenStore store, Duration ttl, Clock clock) {
    this(store, ttl, Duration.ZERO, clock);
  }

  /**
   * @param grace how long a retried refresh gets the same answer, 0 (none) .. 1 min
   */
  public RefreshTokens(RefreshTokenStore store, Duration ttl, Duration grace, Clock clock) {
    if (grace.isNegative() || grace.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("refresh grace must be in [0, 1m], was " + grace);
    }
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException("refresh token ttl must be in (0, 365 days], was " + ttl);
    }
    this.store = store;
    this.ttl = ttl;
    this.grace = grace;
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
    String hash = OpaqueTokens.sha256(presented);
    RefreshTokenStore.Use use = store.markUsed(hash, clock.instant());
    return switch (use.status()) {
      case FRESH -> new Rotated(issueIn(use.token().familyId(), use.token().accountId()));
      case ALREADY_USED -> {
        java.util.Optional<String> kept =
            grace.isZero()
                ? java.util.Optional.empty()
                : store.reply(hash, clock.instant()).flatMap(r -> ReplySeal.open(presented, r));
        if (kept.isPresent()) {
          yield new Retried(kept.get());
        }
        revokeFamily(use.token().familyId());
        yield new Rejected(Rejection.REUSED_FAMILY_REVOKED);
      }
      case FAMILY_REVOKED -> new Rejected(Rejection.FAMILY_REVOKED);
      case EXPIRED -> new Rejected(Rejection.EXPIRED);
      case UNKNOWN -> new Rejected(Rejection.UNKNOWN);
    };
  }

  /**
   * Keeps {@code reply}, the answer sent for the rotation that spent {@code presented}, for the
   * grace window; does nothing without one.
   */
  public void rememberReply(String presented, String reply) {
    if (!grace.isZero() && OpaqueTokens.wellFormed(presented)) {
      store.keepReply(
          OpaqueTokens.sha256(presented),
          ReplySeal.seal(presented, reply),
          clock.instant().plus(grace));
    }
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
