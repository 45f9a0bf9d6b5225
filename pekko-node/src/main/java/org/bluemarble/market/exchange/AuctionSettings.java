package org.bluemarble.market.exchange;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Objects;
import org.bluemarble.config.SettingsException;
import org.bluemarble.config.SettingsReader;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.node.CborSerializable;

/**
 * The auction house's rules besides fees: a bid within {@code snipingWindow} of the end pushes the
 * end to the bid's time plus the window; an auction runs between {@code minDuration} and {@code
 * maxDuration}.
 */
public record AuctionSettings(Duration snipingWindow, Duration minDuration, Duration maxDuration)
    implements CborSerializable {

  /** Five minutes of anti-sniping, auctions of one minute to seven days. */
  public static final AuctionSettings DEFAULT =
      new AuctionSettings(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofDays(7));

  public AuctionSettings {
    Objects.requireNonNull(snipingWindow, "snipingWindow");
    Objects.requireNonNull(minDuration, "minDuration");
    Objects.requireNonNull(maxDuration, "maxDuration");
    if (snipingWindow.isNegative() || minDuration.isNegative() || minDuration.isZero()) {
      throw new IllegalArgumentException("snipingWindow must be >= 0 and minDuration > 0");
    }
    if (maxDuration.compareTo(minDuration) < 0) {
      throw new IllegalArgumentException("maxDuration must be >= minDuration");
    }
  }

  /**
   * {@code bluemarble.market.auctions.*}: each within its own bounds, and min-duration no longer
   * than max-duration.
   *
   * @throws SettingsException naming the first invalid key
   */
  public static AuctionSettings fromConfig(Config root) {
    SettingsReader r = new SettingsReader(root);
    String key = "bluemarble.market.auctions.";
    Duration window = r.duration(key + "sniping-window", Duration.ZERO, Duration.ofHours(1));
    Duration min = r.duration(key + "min-duration", Duration.ofSeconds(10), Duration.ofDays(30));
    Duration max = r.duration(key + "max-duration", Duration.ofSeconds(10), Duration.ofDays(30));
    if (max.compareTo(min) < 0) {
      throw SettingsException.invalid(
          key + "max-duration", max, "at least auctions.min-duration " + min);
    }
    return new AuctionSettings(window, min, max);
  }

  /** {@link MarketError#INVALID_DURATION} unless {@code d} is within the allowed range. */
  Duration requireDuration(Duration d) {
    if (d == null || d.compareTo(minDuration) < 0 || d.compareTo(maxDuration) > 0) {
      throw new MarketException(
          MarketError.INVALID_DURATION,
          "duration must be " + minDuration + ".." + maxDuration + ", was " + d);
    }
    return d;
  }
}
