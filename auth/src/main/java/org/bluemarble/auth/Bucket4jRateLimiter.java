package org.bluemarble.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.bluemarble.auth.internal.ExpiringMap;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@link RateLimiter} on bucket4j. Two ways to get one:
 *
 * <ul>
 *   <li>{@link #redis}: buckets live in Redis through bucket4j's Jedis proxy manager
 *       (compare-and-swap, no hand-written scripts), keyed {@code <prefix>ratelimit:<kind>:<key>}
 *       and expiring once they would be full again; all nodes share them.
 *   <li>{@link #inProcess}: buckets in a map of this JVM (embedded single node); a bucket is
 *       forgotten once it would be full again, and the map is bounded.
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

  /** Buckets in this JVM, on the system clock. */
  public static Bucket4jRateLimiter inProcess(RateLimitSettings settings) {
    return inProcess(settings, Clock.systemUTC());
  }

  /**
   * Buckets in this JVM. A bucket untouched for its whole refill period is full again, so it is
   * forgotten then ({@link ExpiringMap}, swept by the acquisitions themselves); at most {@link
   * #MAX_IN_PROCESS_BUCKETS} are kept, the least recently used going first.
   */
  public static Bucket4jRateLimiter inProcess(RateLimitSettings settings, Clock clock) {
    ExpiringMap<String, Bucket> local = new ExpiringMap<>(clock, MAX_IN_PROCESS_BUCKETS);
    Bucket4jRateLimiter limiter =
        new Bucket4jRateLimiter(
            settings,
            (key, configuration) -> {
              Duration period =
                  Duration.ofNanos(configuration.getBandwidths()[0].getRefillPeriodNanos());
              return local.compute(
                  key,
                  (k, old) -> old != null ? old : newBucket(configuration),
                  clock.instant().plus(period));
            });
    limiter.inProcessBuckets = local;
    return limiter;
  }

  private static Bucket newBucket(BucketConfiguration configuration) {
    var builder = Bucket.builder();
    for (Bandwidth bandwidth : configuration.getBandwidths()) {
      builder.addLimit(bandwidth);
    }
    return builder.build();
  }

  /** Bounds the in-process buckets' memory (a few hundred bytes each). */
  static final int MAX_IN_PROCESS_BUCKETS = 1_000_000;

  private ExpiringMap<String, Bucket> inProcessBuckets;

  /** Buckets held in this JVM (tests check that forgotten ones go); -1 for Redis. */
  int inProcessBucketCount() {
    return inProcessBuckets == null ? -1 : inProcessBuckets.size();
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

  private Bucket bucket(RateLimitKind kind, String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("rate limit key for " + kind + " must not be empty");
    }
    return buckets.apply("ratelimit:" + kind.keySegment() + ":" + key, configurations.get(kind));
  }

  @Override
  public RateLimitDecision check(RateLimitKind kind, String key) {
    EstimationProbe probe = bucket(kind, key).estimateAbilityToConsume(1);
    long capacity = settings.of(kind).capacity();
    Duration perToken = settings.of(kind).period().dividedBy(capacity);
    long missing = capacity - probe.getRemainingTokens();
    return new RateLimitDecision(
        probe.canBeConsumed(),
        capacity,
        probe.getRemainingTokens(),
        probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()),
        perToken.multipliedBy(Math.max(0, missing)));
  }

  @Override
  public RateLimitDecision tryAcquire(RateLimitKind kind, String key) {
    Bucket bucket = bucket(kind, key);
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new RateLimitDecision(
        probe.isConsumed(),
        settings.of(kind).capacity(),
        probe.getRemainingTokens(),
        probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()),
        Duration.ofNanos(probe.getNanosToWaitForReset()));
  }
}
