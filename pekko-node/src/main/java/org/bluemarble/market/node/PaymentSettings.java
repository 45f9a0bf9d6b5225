package org.bluemarble.market.node;

import com.typesafe.config.Config;
import java.time.Duration;
import org.bluemarble.config.SettingsException;
import org.bluemarble.config.SettingsReader;
import org.bluemarble.market.Money;

/**
 * {@code bluemarble.market.payments}: the payment provider webhook's shared secret (empty: no
 * webhook), how far a signed timestamp may be from now, and the largest credit one event may mint.
 */
public record PaymentSettings(String secret, Duration tolerance, long maxCreditPerEvent) {

  /** Whether the payments webhook is served: only with a configured secret. */
  public boolean enabled() {
    return !secret.isEmpty();
  }

  /**
   * Reads and validates {@code bluemarble.market.payments.*}.
   *
   * @throws SettingsException naming the first invalid key
   */
  public static PaymentSettings fromConfig(Config root) {
    SettingsReader r = new SettingsReader(root);
    String key = "bluemarble.market.payments.";
    String secret = r.stringOrEmpty(key + "secret");
    if (!secret.isEmpty() && secret.length() < 16) {
      throw SettingsException.invalid(
          key + "secret", "(hidden)", "empty (no webhook) or at least 16 characters");
    }
    Duration tolerance = r.duration(key + "tolerance", Duration.ofSeconds(10), Duration.ofHours(1));
    long maxCredit = r.longIn(key + "max-credit-per-event", 1, Money.MAX_AMOUNT);
    return new PaymentSettings(secret, tolerance, maxCredit);
  }
}
