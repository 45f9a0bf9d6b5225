package org.bluemarble.node;

import java.util.EnumMap;
import java.util.Map;
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

  private PlanetQuotas(
      PlanetSettings settings, BiFunction<String, RateLimit, QuotaLimiter> factory) {
    limiters.put(Metered.GENERATION, factory.apply("planet-generation", of(settings.generation())));
    limiters.put(
        Metered.RECLASSIFICATION,
        factory.apply("biome-reclassification", of(settings.reclassification())));
    limiters.put(Metered.PROJECTION, factory.apply("projection", of(settings.projection())));
  }

  static PlanetQuotas inProcess(PlanetSettings settings) {
    return new PlanetQuotas(settings, QuotaLimiter::inProcess);
  }

  static PlanetQuotas redis(
      PlanetSettings settings, redis.clients.jedis.UnifiedJedis redis, String prefix) {
    return new PlanetQuotas(
        settings, (name, limit) -> QuotaLimiter.redis(name, limit, redis, prefix));
  }

  RateLimitDecision admit(String accountId, Metered what) {
    return limiters.get(what).tryAcquire(accountId);
  }

  private static RateLimit of(PlanetSettings.Quota quota) {
    return new RateLimit(quota.capacity(), quota.period());
  }
}
