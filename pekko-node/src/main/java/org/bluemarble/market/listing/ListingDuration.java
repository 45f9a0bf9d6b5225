package org.bluemarble.market.listing;

import java.time.Duration;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

/** The only listing durations the market offers: 1, 3 or 7 days. */
public enum ListingDuration {
  ONE_DAY(1),
  THREE_DAYS(3),
  SEVEN_DAYS(7);

  private final int days;

  ListingDuration(int days) {
    this.days = days;
  }

  public Duration duration() {
    return Duration.ofDays(days);
  }

  public int days() {
    return days;
  }

  /** The duration of {@code days}; {@link MarketError#INVALID_DURATION} unless 1, 3 or 7. */
  public static ListingDuration ofDays(int days) {
    for (ListingDuration d : values()) {
      if (d.days == days) {
        return d;
      }
    }
    throw new MarketException(
        MarketError.INVALID_DURATION, "duration must be 1, 3 or 7 days, was " + days);
  }
}
