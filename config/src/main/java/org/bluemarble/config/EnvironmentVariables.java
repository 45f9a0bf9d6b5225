package org.bluemarble.config;

import java.util.Map;

/**
 * The environment variables an operator uses, by the setting each one sets (for error messages and
 * the README).
 */
final class EnvironmentVariables {
  private static final Map<String, String> BY_KEY =
      Map.ofEntries(
          Map.entry("bluemarble.profile", "BLUEMARBLE_PROFILE"),
          Map.entry("bluemarble.node.bind-host", "BLUEMARBLE_BIND_HOST"),
          Map.entry("bluemarble.node.advertised-host", "BLUEMARBLE_ADVERTISED_HOST"),
          Map.entry("bluemarble.node.ops-bind-host", "BLUEMARBLE_OPS_BIND_HOST"),
          Map.entry("bluemarble.node.http-port", "BLUEMARBLE_HTTP_PORT"),
          Map.entry("bluemarble.node.management-port", "BLUEMARBLE_MANAGEMENT_PORT"),
          Map.entry("bluemarble.node.remote-port", "BLUEMARBLE_REMOTE_PORT"),
          Map.entry("bluemarble.node.seed-nodes", "BLUEMARBLE_SEED_NODES"),
          Map.entry("bluemarble.node.data-dir", "BLUEMARBLE_DATA_DIR"),
          Map.entry("bluemarble.node.udp-port", "BLUEMARBLE_UDP_PORT"),
          Map.entry("bluemarble.edge.udp.public-host", "BLUEMARBLE_UDP_PUBLIC_HOST"),
          Map.entry("bluemarble.edge.udp.key", "BLUEMARBLE_UDP_KEY"),
          Map.entry("bluemarble.edge.grace-period", "BLUEMARBLE_GRACE_PERIOD"),
          Map.entry("bluemarble.cluster.stable-after", "BLUEMARBLE_SBR_STABLE_AFTER"),
          Map.entry("bluemarble.cluster.acceptable-heartbeat-pause", "BLUEMARBLE_HEARTBEAT_PAUSE"),
          Map.entry("bluemarble.cluster.removal-margin", "BLUEMARBLE_REMOVAL_MARGIN"),
          Map.entry("bluemarble.cluster.transport", "BLUEMARBLE_REMOTE_TRANSPORT"),
          Map.entry("bluemarble.cluster.allow-public-remoting", "BLUEMARBLE_ALLOW_PUBLIC_REMOTING"),
          Map.entry("bluemarble.cluster.tls.key-store", "BLUEMARBLE_REMOTE_KEYSTORE"),
          Map.entry(
              "bluemarble.cluster.tls.key-store-password", "BLUEMARBLE_REMOTE_KEYSTORE_PASSWORD"),
          Map.entry("bluemarble.cluster.tls.trust-store", "BLUEMARBLE_REMOTE_TRUSTSTORE"),
          Map.entry(
              "bluemarble.cluster.tls.trust-store-password",
              "BLUEMARBLE_REMOTE_TRUSTSTORE_PASSWORD"),
          Map.entry("bluemarble.persistence.url", "BLUEMARBLE_PG_URL"),
          Map.entry("bluemarble.persistence.user", "BLUEMARBLE_PG_USER"),
          Map.entry("bluemarble.persistence.password", "BLUEMARBLE_PG_PASSWORD"),
          Map.entry("bluemarble.persistence.pool-size", "BLUEMARBLE_PG_POOL_SIZE"),
          Map.entry("bluemarble.market.payments.secret", "BLUEMARBLE_PAYMENTS_SECRET"),
          Map.entry(
              "bluemarble.market.payments.max-credit-per-event", "BLUEMARBLE_PAYMENTS_MAX_CREDIT"),
          Map.entry("bluemarble.world.seed", "BLUEMARBLE_WORLD_SEED"),
          Map.entry("bluemarble.world.terrain-level", "BLUEMARBLE_WORLD_TERRAIN_LEVEL"),
          Map.entry("bluemarble.world.spawn-latitude", "BLUEMARBLE_WORLD_SPAWN_LATITUDE"),
          Map.entry("bluemarble.world.spawn-longitude", "BLUEMARBLE_WORLD_SPAWN_LONGITUDE"),
          Map.entry("bluemarble.world.sanctuary-radius", "BLUEMARBLE_WORLD_SANCTUARY_RADIUS"),
          Map.entry("bluemarble.terrain.store", "BLUEMARBLE_TERRAIN_STORE"),
          Map.entry("bluemarble.terrain.mongodb-uri", "BLUEMARBLE_MONGODB_URI"),
          Map.entry("bluemarble.terrain.mongodb-database", "BLUEMARBLE_MONGODB_DATABASE"),
          Map.entry("bluemarble.metrics.enabled", "BLUEMARBLE_METRICS_ENABLED"),
          Map.entry("bluemarble.metrics.port", "BLUEMARBLE_METRICS_PORT"),
          Map.entry("bluemarble.logging.format", "BLUEMARBLE_LOG_FORMAT"),
          Map.entry("bluemarble.auth.bootstrap-admin", "BLUEMARBLE_BOOTSTRAP_ADMIN"),
          Map.entry("bluemarble.auth.redis-url", "BLUEMARBLE_REDIS_URL"),
          Map.entry("bluemarble.auth.tokens.signing-key-file", "BLUEMARBLE_SIGNING_KEY_FILE"),
          Map.entry("bluemarble.auth.trusted-proxies", "BLUEMARBLE_TRUSTED_PROXIES"));

  private EnvironmentVariables() {}

  static String forKey(String key) {
    return BY_KEY.get(key);
  }

  static String keyFor(String variable) {
    return BY_KEY.entrySet().stream()
        .filter(e -> e.getValue().equals(variable))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(variable);
  }
}
