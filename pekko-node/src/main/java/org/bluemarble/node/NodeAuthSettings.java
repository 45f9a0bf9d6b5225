package org.bluemarble.node;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;
import org.bluemarble.account.BootstrapAdmin;

/**
 * The node's own keys of {@code bluemarble.auth} and {@code bluemarble.admin} (the security core's
 * keys are read by {@link org.bluemarble.auth.AuthSettings}), read once and validated.
 *
 * @param redisUrl Redis for sessions, refresh tokens, rate limits and quotas; empty: in process
 * @param gameSessionRecheck how often game connections re-check their login session, 100 ms-10 min
 * @param bootstrapAdmin the admin account created at start if its name is free
 * @param loadTestAccounts whether the admin route that creates load-test accounts is served
 */
record NodeAuthSettings(
    Optional<String> redisUrl,
    Duration gameSessionRecheck,
    Optional<BootstrapAdmin.Credentials> bootstrapAdmin,
    boolean loadTestAccounts) {

  static NodeAuthSettings fromConfig(Config config) {
    String redisUrl = config.getString("bluemarble.auth.redis-url").trim();
    String recheckKey = "bluemarble.auth.game-session-recheck";
    Duration recheck = config.getDuration(recheckKey);
    if (recheck.compareTo(Duration.ofMillis(100)) < 0
        || recheck.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new StartupException(recheckKey + " must be in [100ms, 10m], was " + recheck, null);
    }
    Optional<BootstrapAdmin.Credentials> admin;
    try {
      admin = BootstrapAdmin.parse(config.getString("bluemarble.auth.bootstrap-admin"));
    } catch (IllegalArgumentException e) {
      throw new StartupException(e.getMessage(), e);
    }
    return new NodeAuthSettings(
        redisUrl.isEmpty() ? Optional.empty() : Optional.of(redisUrl),
        recheck,
        admin,
        config.getBoolean("bluemarble.admin.load-test-accounts"));
  }
}
