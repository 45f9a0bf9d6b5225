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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;

/**
 * One named per-user quota (for instance "planet generations: 5 per hour") on bucket4j, in this JVM
 * or in Redis, for limits that are a feature's own rather than one of the {@link RateLimitKind}s.
 * Redis keys are {@code <prefix>quota:<name>:<key>} and expire once the bucket would be full again;
 * in-process buckets that are full again are dropped every so often, so the map does not grow with
 * every key ever seen.
 */
public final class QuotaLimiter {
  private static final int PURGE_EVERY = 1024;

  private final String name;
  private final RateLimit limit;
  private final Function<String, Bucket> buckets;
  private final Runnable purge;
  private final AtomicLong calls = new AtomicLong();

  private QuotaLimiter(
      String name, RateLimit limit, Function<String, Bucket> buckets, Runnable purge) {
    if (name == null || !name.matches("[a-z0-9_-]{1,40}")) {
      throw new IllegalArgumentException("quota name must be [a-z0-9_-]{1,40}, was " + name);
    }
    this.name = name;
    this.limit = limit;
    this.buckets = buckets;
    this.purge = purge;
  }

  /** Buckets in this JVM (one node). */
  public static QuotaLimiter inProcess(String name, RateLimit limit) {
    Map<String, Bucket> local = new ConcurrentHashMap<>();
    BucketConfiguration configuration = configuration(limit);
    return new QuotaLimiter(
        name,
        limit,
        key ->
            local.computeIfAbsent(
                key, k -> Bucket.builder().addLimit(configuration.getBandwidths()[0]).build()),
        () -> local.values().removeIf(b -> b.getAvailableTokens() >= limit.capacity()));
  }

  /** Buckets in Redis, shared by every node on the same Redis and prefix. */
  public static QuotaLimiter redis(
      String name, RateLimit limit, UnifiedJedis redis, String prefix) {
    ProxyManager<byte[]> proxies =
        Bucket4jJedis.casBasedBuilder(redis)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofSeconds(10)))
            .build();
    BucketConfiguration configuration = configuration(limit);
    return new QuotaLimiter(
        name,
        limit,
        key ->
            proxies
                .builder()
                .build((prefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration),
        () -> {});
  }

  /** The quota's name, as in {@code X-RateLimit-Resource}. */
  public String name() {
    return name;
  }

  /** Takes one unit of {@code key}'s quota. */
  public RateLimitDecision tryAcquire(String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException("quota key for " + name + " must not be empty");
    }
    if (calls.incrementAndGet() % PURGE_EVERY == 0) {
      purge.run();
    }
    Bucket bucket = buckets.apply("quota:" + name + ":" + key);
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new RateLimitDecision(
        probe.isConsumed(),
        limit.capacity(),
        probe.getRemainingTokens(),
        probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()),
        Duration.ofNanos(probe.getNanosToWaitForReset()));
  }

  private static BucketConfiguration configuration(RateLimit limit) {
    return BucketConfiguration.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.capacity())
                .refillGreedy(limit.capacity(), limit.period())
                .build())
        .build();
  }
}
