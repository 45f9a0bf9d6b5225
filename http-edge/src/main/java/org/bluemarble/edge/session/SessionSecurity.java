package org.bluemarble.edge.session;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.auth.RateLimiter;
import org.bluemarble.auth.SessionStore;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Error;

/**
 * What keeps a game session's credentials honest after Authenticate: the registry that ends it with
 * its login session, the re-check of that session and the account's rate limits before every
 * economy message (the same buckets as the HTTP twins: {@link RateLimitKind#TRADE} for trade
 * requests, {@link RateLimitKind#API} for the rest, keyed by account, not character), and the
 * executor these blocking checks (Redis in production) and token verification run on.
 *
 * @param sessions the login sessions; null: not re-checked
 * @param limiter the rate limits; null: none
 * @param blocking where token verification and these checks run, never a dispatcher or I/O thread
 */
public record SessionSecurity(
    LiveGameSessions live,
    SessionStore sessions,
    RateLimiter limiter,
    Executor blocking,
    Clock clock) {

  /**
   * Why the account's economy message must be refused, or null to go ahead. Blocking.
   *
   * @param sessionId the login session of the game session; null when unknown (not re-checked)
   */
  ProtocolException refusal(String accountId, String sessionId, RateLimitKind kind) {
    if (sessions != null && sessionId != null) {
      boolean live =
          sessions
              .find(sessionId, clock.instant())
              .map(s -> s.accountId().equals(accountId))
              .orElse(false);
      if (!live) {
        return new ProtocolException(
            Error.Code.CODE_UNAUTHENTICATED, "the login session has ended; log in again");
      }
    }
    if (limiter != null && !limiter.tryAcquire(kind, accountId).allowed()) {
      return new ProtocolException(
          Error.Code.CODE_RATE_LIMITED,
          "too many "
              + (kind == RateLimitKind.TRADE ? "trade requests" : "economy requests")
              + " for this account; slow down");
    }
    return null;
  }
}
