package org.bluemarble.market.entity;

import org.apache.pekko.persistence.typed.SnapshotAdapter;

/**
 * Stores a {@link Market}'s mutable {@link MarketState} as an immutable {@link MarketSnapshot} and
 * back. Why a snapshot every {@value Market#SNAPSHOT_EVERY} events: a snapshot holds every listing
 * the market ever had, so writing one costs far more than writing one event; a thousand events keep
 * the writes rare (a busy market's few thousand sales a day make a handful a day) while bounding
 * recovery to a thousand events (measured by {@code MarketRecoveryBenchmark}).
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
