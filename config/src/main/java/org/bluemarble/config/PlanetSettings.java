package org.bluemarble.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;

/**
 * Limits of the planet API, read once from {@code bluemarble.planet}.
 *
 * @param polygonThreads threads of the executor that builds, projects and validates polygons (never
 *     the actor dispatchers)
 * @param polygonQueue polygon jobs waiting for a thread; more are refused (503)
 * @param expireAfter a stored planet nobody has read or written for this long is removed (the
 *     world's planet never is)
 * @param generation per-user quota of generations
 * @param reclassification per-user quota of biome reclassifications
 * @param projection per-user quota of projection requests
 */
public record PlanetSettings(
    int maxConcurrentGenerations,
    int maxQueuedGenerations,
    int maxCachedPlanets,
    int maxTerrainLevel,
    int polygonLevel,
    int polygonThreads,
    int polygonQueue,
    Duration expireAfter,
    Quota generation,
    Quota reclassification,
    Quota projection,
    Webhooks webhooks) {

  /** At most {@code capacity} operations per {@code period} per user. */
  public record Quota(long capacity, Duration period) {}

  /**
   * Generation webhooks.
   *
   * @param maxAttempts deliveries of one event before it is given up
   * @param initialBackoff wait before the second attempt; doubled for each further one
   * @param maxBackoff longest wait between attempts
   * @param timeout of one delivery
   * @param allowedHosts host names a webhook may point to; empty: any host
   * @param maxPerUser registrations one user may hold
   * @param allowPrivateTargets whether targets outside the allow-list may be loopback, private or
   *     link-local addresses
   */
  public record Webhooks(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration timeout,
      List<String> allowedHosts,
      int maxPerUser,
      boolean allowPrivateTargets) {}

  public static PlanetSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    String p = "bluemarble.planet.";
    return new PlanetSettings(
        r.intIn(p + "max-concurrent-generations", 1, 8),
        r.intIn(p + "max-queued-generations", 0, 100),
        r.intIn(p + "max-cached-planets", 1, 64),
        r.intIn(p + "max-terrain-level", 3, 10),
        r.intIn(p + "polygon-level", 4, 8),
        r.intIn(p + "polygon-threads", 1, 8),
        r.intIn(p + "polygon-queue", 1, 1000),
        r.duration(p + "expire-after", Duration.ofMillis(100), Duration.ofDays(3650)),
        quota(r, p + "quotas.generation"),
        quota(r, p + "quotas.reclassification"),
        quota(r, p + "quotas.projection"),
        new Webhooks(
            r.intIn(p + "webhooks.max-attempts", 1, 20),
            r.duration(p + "webhooks.initial-backoff", Duration.ofMillis(10), Duration.ofHours(1)),
            r.duration(p + "webhooks.max-backoff", Duration.ofMillis(10), Duration.ofDays(1)),
            r.duration(p + "webhooks.timeout", Duration.ofMillis(100), Duration.ofMinutes(5)),
            r.stringList(p + "webhooks.allowed-hosts"),
            r.intIn(p + "webhooks.max-per-user", 1, 100),
            r.bool(p + "webhooks.allow-private-targets")));
  }

  private static Quota quota(SettingsReader r, String key) {
    return new Quota(
        r.intIn(key + ".capacity", 1, 1_000_000),
        r.duration(key + ".period", Duration.ofSeconds(1), Duration.ofDays(1)));
  }
}
