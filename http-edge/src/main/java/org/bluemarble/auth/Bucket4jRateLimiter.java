package org.bluemarble.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link RateLimiter} on bucket4j. Two ways to get one:
 *
 * <ul>
 *   <li>{@link #redis}: buckets live in Redis through bucket4j's Jedis proxy manager
 *       (compare-and-swap, no hand-written scripts), keyed {@code <prefix>ratelimit:<kind>:<key>}
 *       and expiring once they would be full again; all nodes share them.
 *   <li>{@link #inProcess}: buckets in a map of this JVM (embedded single node). Entries are never
 *       evicted, so the map grows with the number of distinct keys seen; fine for one node's
 *       players, not for unbounded source addresses over months.
 * </ul>
 */
public final class Bucket4jRateLimiter implements RateLimiter {
  private final RateLimitSettings settings;
  private final Map<RateLimitKind, BucketConfiguration> configurations =
      new EnumMap<>(RateLimitKind.class);
  private final BiFunction<String, BucketConfiguration, Bucket> buckets;

  private Bucket4jRateLimiter(
      RateLimitSettings settings, BiFunction<String, BucketConfiguration, Bucket> buckets) {
    this.settings = settings;
    this.buckets = buckets;
    for (RateLimitKind kind : RateLimitKind.values()) {
      RateLimit limit = settings.of(kind);
      Bandwidth bandwidth =
          Bandwidth.builder()
              .capacity(limit.capacity())
              .refillGreedy(limit.capacity(), limit.period())
              .build();
      configurations.put(kind, BucketConfiguration.builder().addLimit(bandwidth).build());
    }
  }

  /** Buckets in this JVM. */
  public static Bucket4jRateLimiter inProcess(RateLimitSettings settings) {
    Map<String, Bucket> local = new ConcurrentHashMap<>();
    return new Bucket4jRateLimiter(
        settings,
        (key, configuration) ->
            local.computeIfAbsent(
                key,
                k -> {
                  var builder = Bucket.builder();
                  for (Bandwidth bandwidth : configuration.getBandwidths()) {
                    builder.addLimit(bandwidth);
                  }
                  return builder.build();
                }));
  }

  /**
   * Buckets in Redis, shared by every limiter on the same Redis and prefix.
   *
   * @param prefix key prefix, e.g. {@code bm:}
   */
  public static Bucket4jRateLimiter redis(
      RateLimitSettings settings, UnifiedJedis redis, String prefix) {
    ProxyManager<byte[]> proxies =
        Bucket4jJedis.casBasedBuilder(redis)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
    return new Bucket4jRateLimiter(
        settings,
        (key, configuration) ->
            proxies
                .builder()
                .build((prefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration));
  }

  @Override
  public RateLimitDecision tryAcquire(RateLimitKind kind, String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("rate limit key for " + kind + " must not be empty");
    }
    Bucket bucket =
        buckets.apply("ratelimit:" + kind.keySegment() + ":" + key, configurations.get(kind));
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new RateLimitDecision(
        probe.isConsumed(),
        settings.of(kind).capacity(),
        probe.getRemainingTokens(),
        probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()),
        Duration.ofNanos(probe.getNanosToWaitForReset()));
  }
}
