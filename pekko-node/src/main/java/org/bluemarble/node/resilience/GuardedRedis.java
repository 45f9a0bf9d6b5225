package org.bluemarble.node.resilience;

import java.net.URI;
import java.time.Duration;
import redis.clients.jedis.CommandObject;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.executors.CommandExecutor;
import redis.clients.jedis.executors.DefaultCommandExecutor;
import redis.clients.jedis.providers.PooledConnectionProvider;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * A pooled Redis client whose every command (sessions, refresh tokens, rate-limit buckets) passes
 * one {@link CircuitBreaker}: connection failures and timeouts count as failures, answers (errors
 * included) as successes. A refused or failed command throws {@link
 * org.bluemarble.edge.port.PortException} UNAVAILABLE with a retry hint, which the HTTP edge
 * answers with 503; while the breaker is open that happens at once, without waiting for a connect
 * timeout.
 */
public final class GuardedRedis {
  /** How long a command waits to connect or for an answer before it counts as failed. */
  private static final int TIMEOUT_MS = 2_000;

  private GuardedRedis() {}

  /** A client for {@code uri} ({@code redis://[user:password@]host:port[/db]}). */
  public static UnifiedJedis connect(URI uri, CircuitBreaker breaker) {
    DefaultJedisClientConfig config =
        DefaultJedisClientConfig.builder()
            .user(JedisURIHelper.getUser(uri))
            .password(JedisURIHelper.getPassword(uri))
            .database(JedisURIHelper.getDBIndex(uri))
            .ssl(JedisURIHelper.isRedisSSLScheme(uri))
            .connectionTimeoutMillis(TIMEOUT_MS)
            .socketTimeoutMillis(TIMEOUT_MS)
            .build();
    PooledConnectionProvider provider =
        new PooledConnectionProvider(JedisURIHelper.getHostAndPort(uri), config);
    return new UnifiedJedis(
        new Guarded(new DefaultCommandExecutor(provider), breaker), provider, new CommandObjects());
  }

  private record Guarded(CommandExecutor delegate, CircuitBreaker breaker)
      implements CommandExecutor {
    @Override
    public <T> T executeCommand(CommandObject<T> command) {
      if (!breaker.allows()) {
        throw breaker.refusal("circuit open", breaker.retryAfter());
      }
      try {
        T result = delegate.executeCommand(command);
        breaker.succeeded();
        return result;
      } catch (JedisConnectionException e) {
        breaker.failed();
        throw breaker.refusal(e.getMessage(), Duration.ofSeconds(1));
      } catch (RuntimeException e) {
        // Redis answered (an error reply is still an answer): the dependency is up.
        breaker.succeeded();
        throw e;
      }
    }

    @Override
    public void close() throws Exception {
      delegate.close();
    }
  }
}
