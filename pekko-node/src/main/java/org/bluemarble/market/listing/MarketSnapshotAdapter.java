package org.bluemarble.market.listing;

import org.apache.pekko.persistence.typed.SnapshotAdapter;
import org.bluemarble.market.EconomyConfig;

/**
 * Stores a {@link Market}'s mutable {@link MarketState} as an immutable {@link MarketSnapshot} and
 * back. Why a snapshot every {@value Market#SNAPSHOT_EVERY} events: the snapshot holds every
 * listing the market ever had, so it grows with the history (measured by {@code
 * MarketRecoveryBenchmark}: 1.1 MB after 20,000 events, 2.3 MB after 60,000, while an event is
 * about 190 bytes). Every 1,000 events would write five to twelve times the events' own volume
 * again as snapshots; every 5,000 writes about as much as the events, and still bounds recovery to
 * 5,000 events (about 2 s on a cold JVM, well under 0.1 s warm, against 4-8 s cold for a full
 * replay of 20,000).
 */
final class MarketSnapshotAdapter implements SnapshotAdapter<MarketState> {
  private final String marketId;
  private final EconomyConfig config;

  MarketSnapshotAdapter(String marketId, EconomyConfig config) {
    this.marketId = marketId;
    this.config = config;
  }

  @Override
  public Object toJournal(MarketState state) {
    return state.snapshot();
  }

  @Override
  public MarketState fromJournal(Object from) {
    if (!(from instanceof MarketSnapshot snapshot)) {
      throw new IllegalStateException(
          "market " + marketId + ": snapshot is " + from.getClass().getName());
    }
    return MarketState.restore(marketId, config.fees(), config.catalog(), snapshot);
  }
}
