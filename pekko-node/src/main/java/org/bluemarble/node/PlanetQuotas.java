package org.bluemarble.node;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import org.bluemarble.auth.QuotaLimiter;
import org.bluemarble.auth.RateLimit;
import org.bluemarble.auth.RateLimitDecision;
import org.bluemarble.config.PlanetSettings;
import org.bluemarble.edge.port.PlanetPort.Metered;

/**
 * The planet API's per-user quotas (generation, reclassification, projection), each a {@link
 * QuotaLimiter}: in this JVM on the embedded profile, in Redis when the node has one.
 */
final class PlanetQuotas {
  private final Map<Metered, QuotaLimiter> limiters = new EnumMap<>(Metered.class);
  private final Executor blocking;

  private PlanetQuotas(
      PlanetSettings settings,
      BiFunction<String, RateLimit, QuotaLimiter> factory,
      Executor blocking) {
    this.blocking = blocking;
    limiters.put(Metered.GENERATION, factory.apply("planet-generation", of(settings.generation())));
    limiters.put(
        Metered.RECLASSIFICATION,
        factory.apply("biome-reclassification", of(settings.reclassification())));
    limiters.put(Metered.PROJECTION, factory.apply("projection", of(settings.projection())));
  }

  static PlanetQuotas inProcess(PlanetSettings settings) {
    return new PlanetQuotas(settings, QuotaLimiter::inProcess, null);
  }

  /** Buckets in Redis; each check runs on {@code blocking} (Jedis blocks its thread). */
  static PlanetQuotas redis(
      PlanetSettings settings,
      redis.clients.jedis.UnifiedJedis redis,
      String prefix,
      Executor blocking) {
    return new PlanetQuotas(
        settings, (name, limit) -> QuotaLimiter.redis(name, limit, redis, prefix), blocking);
  }

  CompletionStage<RateLimitDecision> admit(String accountId, Metered what) {
    QuotaLimiter limiter = limiters.get(what);
    if (blocking == null) {
      return CompletableFuture.completedFuture(limiter.tryAcquire(accountId));
    }
    return CompletableFuture.supplyAsync(() -> limiter.tryAcquire(accountId), blocking);
  }

  private static RateLimit of(PlanetSettings.Quota quota) {
    return new RateLimit(quota.capacity(), quota.period());
  }
}
