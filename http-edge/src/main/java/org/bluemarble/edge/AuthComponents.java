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
import org.bluemarble.auth.RedisRefreshTokenStore;
import org.bluemarble.auth.RefreshTokens;
import org.bluemarble.auth.TokenService;
import redis.clients.jedis.UnifiedJedis;

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

  /**
   * Several nodes: refresh tokens and rate-limit buckets in Redis (shared by every node, so a token
   * rotated on one node is spent on all and a limit counts across nodes). All nodes must also share
   * the signing key ({@code bluemarble.auth.tokens.signing-key-file}).
   */
  public static AuthComponents redis(
      AuthSettings settings, UnifiedJedis redis, Executor blocking, Duration lookupTimeout) {
    Clock clock = Clock.systemUTC();
    return new AuthComponents(
        new PasswordHasher(settings.argon2()),
        new TokenService(settings.tokens(), KeyRingFiles.load(settings.keys()), clock),
        new RefreshTokens(
            new RedisRefreshTokenStore(redis, REDIS_PREFIX), settings.refreshTtl(), clock),
        Bucket4jRateLimiter.redis(settings.rateLimits(), redis, REDIS_PREFIX),
        blocking,
        lookupTimeout);
  }

  /** Prefix of every key this server writes to Redis. */
  public static final String REDIS_PREFIX = "bluemarble:";
}
