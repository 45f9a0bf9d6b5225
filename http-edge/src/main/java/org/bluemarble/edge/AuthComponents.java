package org.bluemarble.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.bluemarble.auth.AuthSettings;
import org.bluemarble.auth.Bucket4jRateLimiter;
import org.bluemarble.auth.InMemoryRefreshTokenStore;
import org.bluemarble.auth.KeyRingFiles;
import org.bluemarble.auth.PasswordHasher;
import org.bluemarble.auth.RateLimiter;
import org.bluemarble.auth.RefreshTokens;
import org.bluemarble.auth.TokenService;

/**
 * The security services behind {@link AuthRoutes}, grouped so the edge takes one argument.
 *
 * @param blocking where Argon2 and blocking lookups run: never an actor's or an HTTP thread
 * @param lookupTimeout how long a login waits for the account entities
 */
public record AuthComponents(
    PasswordHasher hasher,
    TokenService tokens,
    RefreshTokens refreshTokens,
    RateLimiter limiter,
    Executor blocking,
    Duration lookupTimeout) {

  /**
   * The embedded profile: in-process refresh tokens and rate limits, keys from the configured files
   * or generated at start.
   */
  public static AuthComponents embedded(
      AuthSettings settings, Executor blocking, Duration lookupTimeout) {
    Clock clock = Clock.systemUTC();
    return new AuthComponents(
        new PasswordHasher(settings.argon2()),
        new TokenService(settings.tokens(), KeyRingFiles.load(settings.keys()), clock),
        new RefreshTokens(new InMemoryRefreshTokenStore(), settings.refreshTtl(), clock),
        Bucket4jRateLimiter.inProcess(settings.rateLimits()),
        blocking,
        lookupTimeout);
  }
}
