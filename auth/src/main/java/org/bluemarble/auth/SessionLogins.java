package org.bluemarble.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Issues the token pair of a login and keeps its {@link Session}: one login is one session, and the
 * session id is the id of the login's refresh-token family, carried as {@code sid} in every access
 * token of that login. Refreshing renews the session (sliding {@code session-ttl}); logout deletes
 * it together with the family; {@link #endAll} (ban, erasure, role change) deletes every session of
 * an account, after which its access tokens are refused by {@link TokenService#verify}.
 *
 * <p>Store calls block (Redis in production): call from a blocking executor.
 */
public final class SessionLogins {
  /**
   * Told when sessions end on this node, so that what lives on them (game connections) ends too.
   * Called on the thread that ended them; must not block.
   */
  public interface EndListener {
    /** One session ended (logout). */
    void sessionEnded(String sessionId);

    /**
     * Every session of the account ended, except {@code keepSessionId} (null: none kept): a ban, an
     * erasure, a role change, a password change.
     */
    void accountEnded(String accountId, String keepSessionId);
  }

  private final java.util.List<EndListener> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Adds a listener of ended sessions. */
  public void addEndListener(EndListener listener) {
    listeners.add(listener);
  }

  /** The pair handed to the client after a login or refresh. */
  public record Issued(IssuedAccessToken access, RefreshTokens.Issued refresh) {}

  private final TokenService tokens;
  private final RefreshTokens refreshTokens;
  private final SessionStore sessions;
  private final Duration sessionTtl;
  private final Clock clock;

  /**
   * @param sessionTtl how long a session lives without a refresh; at least the access-token
   *     lifetime, so a valid token never outlives its session
   */
  public SessionLogins(
      TokenService tokens,
      RefreshTokens refreshTokens,
      SessionStore sessions,
      Duration sessionTtl,
      Clock clock) {
    this.tokens = tokens;
    this.refreshTokens = refreshTokens;
    this.sessions = sessions;
    this.sessionTtl = sessionTtl;
    this.clock = clock;
  }

  /** A new session with a new refresh family for an account that just proved who it is. */
  public Issued open(String accountId, String username, Set<Role> roles) {
    return inSession(refreshTokens.issue(accountId), username, roles);
  }

  /**
   * Renews the session of a rotated refresh token ({@code next} is its successor) and signs an
   * access token with the account's current roles.
   */
  public Issued renew(RefreshTokens.Issued next, String username, Set<Role> roles) {
    return inSession(next, username, roles);
  }

  /**
   * Logout: revokes the refresh family of {@code refreshToken} and deletes its session. False when
   * the token is malformed or unknown.
   */
  public boolean logout(String refreshToken) {
    Optional<String> family = refreshTokens.revokeFamilyOf(refreshToken);
    family.ifPresent(sessions::revoke);
    family.ifPresent(id -> listeners.forEach(l -> l.sessionEnded(id)));
    return family.isPresent();
  }

  /**
   * Ends every session of an account (ban, erasure, role change) and revokes their refresh
   * families, so none of them can be renewed; returns how many sessions there were.
   */
  public int endAll(String accountId) {
    sessions.idsOf(accountId).forEach(refreshTokens::revokeFamilyById);
    int ended = sessions.revokeAllOf(accountId);
    listeners.forEach(l -> l.accountEnded(accountId, null));
    return ended;
  }

  /**
   * Ends every session of an account except {@code keepSessionId} (a password change keeps the
   * session that made it) and revokes their refresh families; returns how many were ended.
   */
  public int endOthers(String accountId, String keepSessionId) {
    int ended = 0;
    for (String id : sessions.idsOf(accountId)) {
      if (!id.equals(keepSessionId)) {
        refreshTokens.revokeFamilyById(id);
        if (sessions.revoke(id)) {
          ended++;
        }
      }
    }
    listeners.forEach(l -> l.accountEnded(accountId, keepSessionId));
    return ended;
  }

  /** The store, for checks that need the session itself. */
  public SessionStore sessions() {
    return sessions;
  }

  private Issued inSession(RefreshTokens.Issued refresh, String username, Set<Role> roles) {
    Session session =
        new Session(
            refresh.familyId(),
            refresh.accountId(),
            roles,
            clock.instant().plus(sessionTtl).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    sessions.put(session);
    IssuedAccessToken access =
        tokens.issue(refresh.accountId(), username, roles, session.sessionId());
    return new Issued(access, refresh);
  }
}
