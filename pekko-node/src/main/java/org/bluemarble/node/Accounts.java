package org.bluemarble.node;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.bluemarble.account.Account;
import org.bluemarble.account.AccountDirectory;
import org.bluemarble.account.BootstrapAdmin;
import org.bluemarble.account.ExternalLink;
import org.bluemarble.account.UsernameClaim;
import org.bluemarble.auth.AuthSettings;
import org.bluemarble.auth.InMemoryRefreshTokenStore;
import org.bluemarble.auth.InMemorySessionStore;
import org.bluemarble.auth.KeyRingFiles;
import org.bluemarble.auth.LoginStateFile;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.edge.AuthComponents;
import org.bluemarble.edge.session.LiveGameSessions;
import org.bluemarble.edge.session.SessionSecurity;
import org.bluemarble.node.resilience.BreakerSettings;
import org.bluemarble.node.resilience.CircuitBreaker;
import org.bluemarble.node.resilience.Dependency;
import org.bluemarble.node.resilience.GuardedRedis;
import org.bluemarble.social.Social;

/**
 * Accounts, logins and the social graph of one node: the account entities, Redis (when configured)
 * behind its circuit breaker, and the security core's components (tokens, sessions, rate limits)
 * over it or in process.
 *
 * @param directory accounts by id and by name
 * @param auth tokens, sessions, refresh tokens, rate limits, password hashing
 * @param redis the node's one Redis client, shared with the planet quotas
 * @param settings the node's own auth keys
 * @param entityKeys the sharded entity types started here
 */
record Accounts(
    AccountDirectory directory,
    AuthComponents auth,
    Optional<NodeHealth.Redis> redis,
    NodeAuthSettings settings,
    List<EntityTypeKey<?>> entityKeys) {

  /** How long the Redis health check waits for a PING. */
  private static final Duration REDIS_PING_DEADLINE = Duration.ofSeconds(1);

  /** Starts the account and social entities and the login machinery. */
  static Accounts init(ActorSystem<?> system, BlueMarbleSettings settings) {
    int slices = settings.persistence().slices();
    Account.init(system, slices);
    UsernameClaim.init(system, slices);
    ExternalLink.init(system, slices);
    Social.init(system, slices);
    NodeAuthSettings own = NodeAuthSettings.fromConfig(settings.config());
    Optional<NodeHealth.Redis> redis = own.redisUrl().map(url -> redis(system, settings, url));
    return new Accounts(
        new AccountDirectory(system, settings.node().askTimeout()),
        authComponents(system, settings, redis.map(NodeHealth.Redis::client)),
        redis,
        own,
        Stream.concat(
                Stream.of(Account.ENTITY_KEY, UsernameClaim.ENTITY_KEY, ExternalLink.ENTITY_KEY),
                Social.ENTITY_KEYS.stream())
            .toList());
  }

  /** Redis's health check, when the node has Redis: a PING through the breaker. */
  Optional<Dependency> redisHealth(ActorSystem<?> system) {
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    return redis.map(
        r ->
            new Dependency(
                "redis",
                r.breaker(),
                () -> CompletableFuture.supplyAsync(() -> r.client().ping(), blocking),
                REDIS_PING_DEADLINE,
                "logins and token refreshes refused"));
  }

  /**
   * Game sessions end with their login session: at once for revocations made on this node, within
   * {@code bluemarble.auth.game-session-recheck} for those made on another (a periodic re-check on
   * the blocking executor).
   */
  SessionSecurity sessionSecurity(ActorSystem<?> system) {
    LiveGameSessions live = new LiveGameSessions();
    auth.logins().addEndListener(live);
    Duration every = settings.gameSessionRecheck();
    system
        .scheduler()
        .scheduleWithFixedDelay(
            every,
            every,
            () -> {
              try {
                live.recheck(auth.logins().sessions(), Instant.now());
              } catch (RuntimeException e) {
                system.log().warn("game session re-check failed: {}", e.toString());
              }
            },
            scala.concurrent.ExecutionContext.fromExecutor(auth.blocking()));
    // A graceful stop tells the clients first (before the edges unbind and the shards hand off),
    // so they reconnect through another node at once.
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeServiceUnbind(),
            "tell-game-sessions-node-stopping",
            () -> {
              int told = live.nodeStopping();
              system.log().info("node stopping: told {} game sessions to connect again", told);
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    return new SessionSecurity(
        live,
        auth.logins().sessions(),
        auth.limiter(),
        auth.blocking(),
        java.time.Clock.systemUTC());
  }

  /**
   * Creates the BLUEMARBLE_BOOTSTRAP_ADMIN account in the background if its name is free; the node
   * reports ready only afterwards.
   */
  void bootstrapAdmin(ActorSystem<?> system) {
    settings
        .bootstrapAdmin()
        .ifPresent(
            credentials ->
                BootstrapAdmin.ensureInBackground(
                    system, credentials, directory, auth.hasher(), auth.blocking()));
  }

  private static NodeHealth.Redis redis(
      ActorSystem<?> system, BlueMarbleSettings settings, String redisUrl) {
    CircuitBreaker breaker;
    redis.clients.jedis.UnifiedJedis client;
    try {
      breaker = new CircuitBreaker("redis", BreakerSettings.fromConfig(settings.config()));
      client = GuardedRedis.connect(java.net.URI.create(redisUrl), breaker);
    } catch (org.bluemarble.config.SettingsException e) {
      throw new StartupException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StartupException(
          "invalid bluemarble.auth.redis-url / BLUEMARBLE_REDIS_URL '"
              + redisUrl
              + "': "
              + BlueMarbleNode.rootMessage(e),
          e);
    }
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-redis",
            () -> {
              client.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    return new NodeHealth.Redis(client, breaker);
  }

  /** Reads {@code bluemarble.auth}; Argon2 and token-store calls run on the blocking dispatcher. */
  private static AuthComponents authComponents(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      Optional<redis.clients.jedis.UnifiedJedis> redis) {
    AuthSettings auth;
    try {
      auth = AuthSettings.fromConfig(settings.config().getConfig("bluemarble.auth"));
      // Without a configured key file (never in production, which requires one) the key lives in
      // the data directory, so a restart does not log everyone out.
      auth = auth.withKeys(KeyRingFiles.persistedIn(auth.keys(), settings.node().dataDir()));
    } catch (RuntimeException e) {
      throw new StartupException("invalid auth settings: " + BlueMarbleNode.rootMessage(e), e);
    }
    Executor blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    if (redis.isEmpty()) {
      return embeddedAuth(system, settings, auth, blocking);
    }
    return AuthComponents.redis(auth, redis.get(), blocking, settings.node().askTimeout());
  }

  /**
   * In-process sessions and refresh tokens, saved to the data directory when the node stops and
   * restored at start (see {@link LoginStateFile}).
   */
  private static AuthComponents embeddedAuth(
      ActorSystem<?> system, BlueMarbleSettings settings, AuthSettings auth, Executor blocking) {
    InMemorySessionStore sessions = new InMemorySessionStore();
    InMemoryRefreshTokenStore refresh = new InMemoryRefreshTokenStore();
    LoginStateFile state = new LoginStateFile(settings.node().dataDir());
    try {
      int restored = state.restore(sessions, refresh, Instant.now());
      system.log().info("restored {} login sessions from {}", restored, LoginStateFile.NAME);
    } catch (IOException | RuntimeException e) {
      system.log().warn("cannot restore login sessions ({}); players log in again", e.toString());
    }
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseServiceStop(),
            "save-login-sessions",
            () ->
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        state.save(sessions, refresh, Instant.now());
                      } catch (IOException e) {
                        system.log().warn("cannot save login sessions: {}", e.toString());
                      }
                      return Done.getInstance();
                    },
                    blocking));
    return AuthComponents.embedded(auth, sessions, refresh, blocking, settings.node().askTimeout());
  }
}
