package org.bluemarble.edge;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.bluemarble.auth.AuthSettings;
import org.bluemarble.auth.Bucket4jRateLimiter;
import org.bluemarble.auth.CachedSessionCheck;
import org.bluemarble.auth.ClientAddresses;
import org.bluemarble.auth.InMemoryRefreshTokenStore;
import org.bluemarble.auth.InMemorySessionStore;
import org.bluemarble.auth.KeyRingFiles;
import org.bluemarble.auth.NonceStore;
import org.bluemarble.auth.OidcSettings;
import org.bluemarble.auth.OidcVerifier;
import org.bluemarble.auth.PasswordHasher;
import org.bluemarble.auth.RateLimiter;
import org.bluemarble.auth.RedisRefreshTokenStore;
import org.bluemarble.auth.RedisSessionStore;
import org.bluemarble.auth.RefreshTokenStore;
import org.bluemarble.auth.RefreshTokens;
import org.bluemarble.auth.SessionLogins;
import org.bluemarble.auth.SessionStore;
import org.bluemarble.auth.TokenService;
import redis.clients.jedis.UnifiedJedis;

/**
 * The security services behind {@link AuthRoutes}, grouped so the edge takes one argument.
 *
 * @param blocking where Argon2 and blocking lookups run: never an actor's or an HTTP thread
 * @param lookupTimeout how long a login waits for the account entities
 * @param logins sessions of logins (a session per login, its id the {@code sid} of its tokens)
 * @param oidc the external identity providers' ID-token check
 * @param clientAddresses who a request comes from, for per-address limits (trusted proxies)
 */
public record AuthComponents(
    PasswordHasher hasher,
    TokenService tokens,
    RefreshTokens refreshTokens,
    RateLimiter limiter,
    Executor blocking,
    Duration lookupTimeout,
    SessionLogins logins,
    OidcVerifier oidc,
    ClientAddresses clientAddresses) {

  /** Session length of components built without settings. */
  private static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(2);

  /**
   * Components with in-process sessions that {@code tokens} does not check, and no OIDC provider
   * (for tests of other areas).
   */
  public AuthComponents(
      PasswordHasher hasher,
      TokenService tokens,
      RefreshTokens refreshTokens,
      RateLimiter limiter,
      Executor blocking,
      Duration lookupTimeout) {
    this(
        hasher,
        tokens,
        refreshTokens,
        limiter,
        blocking,
        lookupTimeout,
        new SessionLogins(
            tokens,
            refreshTokens,
            new InMemorySessionStore(),
            DEFAULT_SESSION_TTL,
            Clock.systemUTC()),
        new OidcVerifier(OidcSettings.of(List.of()), Clock.systemUTC()),
        ClientAddresses.direct());
  }

  /**
   * The embedded profile: in-process sessions, refresh tokens and rate limits, keys from the
   * configured files or generated at start.
   */
  public static AuthComponents embedded(
      AuthSettings settings, Executor blocking, Duration lookupTimeout) {
    return embedded(
        settings,
        new InMemorySessionStore(),
        new InMemoryRefreshTokenStore(),
        blocking,
        lookupTimeout);
  }

  /** The embedded profile over the given in-process stores (the node saves them at a stop). */
  public static AuthComponents embedded(
      AuthSettings settings,
      InMemorySessionStore sessions,
      InMemoryRefreshTokenStore refreshTokens,
      Executor blocking,
      Duration lookupTimeout) {
    return build(
        settings,
        sessions,
        refreshTokens,
        Bucket4jRateLimiter.inProcess(settings.rateLimits()),
        new OidcVerifier(settings.oidc(), Clock.systemUTC()),
        blocking,
        lookupTimeout);
  }

  /**
   * Several nodes: sessions, refresh tokens and rate-limit buckets in Redis (shared by every node,
   * so a token rotated on one node is spent on all, a logout on one node ends the session on all,
   * and a limit counts across nodes). All nodes must also share the signing key ({@code
   * bluemarble.auth.tokens.signing-key-file}).
   */
  public static AuthComponents redis(
      AuthSettings settings, UnifiedJedis redis, Executor blocking, Duration lookupTimeout) {
    return build(
        settings,
        new RedisSessionStore(redis, REDIS_PREFIX),
        new RedisRefreshTokenStore(redis, REDIS_PREFIX),
        Bucket4jRateLimiter.redis(settings.rateLimits(), redis, REDIS_PREFIX),
        new OidcVerifier(settings.oidc(), Clock.systemUTC(), NonceStore.redis(redis, REDIS_PREFIX)),
        blocking,
        lookupTimeout);
  }

  private static AuthComponents build(
      AuthSettings settings,
      SessionStore sessions,
      RefreshTokenStore refreshStore,
      RateLimiter limiter,
      OidcVerifier oidc,
      Executor blocking,
      Duration lookupTimeout) {
    Clock clock = Clock.systemUTC();
    TokenService tokens =
        new TokenService(
            settings.tokens(),
            KeyRingFiles.load(settings.keys()),
            clock,
            new CachedSessionCheck(sessions, settings.sessionCheckCache(), clock),
            blocking);
    RefreshTokens refresh =
        new RefreshTokens(refreshStore, settings.refreshTtl(), settings.refreshGrace(), clock);
    return new AuthComponents(
        new PasswordHasher(settings.argon2()),
        tokens,
        refresh,
        limiter,
        blocking,
        lookupTimeout,
        new SessionLogins(tokens, refresh, sessions, settings.sessionTtl(), clock),
        oidc,
        settings.clientAddresses());
  }

  /** Prefix of every key this server writes to Redis. */
  public static final String REDIS_PREFIX = "bluemarble:";
}
