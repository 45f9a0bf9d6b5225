package org.bluemarble.market.entity;

import org.bluemarble.replay.EntityFold;

/**
 * Replay of a {@link Market}: its own state transitions, on a state built with the given economy
 * settings (what-if replays pass changed ones). The view is the snapshot the entity stores.
 */
public final class MarketFold implements EntityFold<MarketState> {
  private final EconomyConfig config;

  public MarketFold(EconomyConfig config) {
    this.config = config;
  }

  @Override
  public String entityType() {
    return Market.ENTITY_KEY.name();
  }

  @Override
  public MarketState initial(String entityId) {
    return new MarketState(entityId, config.fees(), config.catalog());
  }

  @Override
  public MarketState apply(MarketState s, Object event) {
    if (event instanceof Market.OpStarted e) {
      return s.started(e);
    } else if (event instanceof Market.OpCharged e) {
      return s.charged(e);
    } else if (event instanceof Market.OpFailed e) {
      return s.failed(e);
    } else if (event instanceof Market.ListingCancelled e) {
      return s.cancelled(e);
    } else if (event instanceof Market.ListingsExpired e) {
      return s.expired(e);
    } else if (event instanceof Market.LegSettled e) {
      return s.settled(e);
    } else if (event instanceof Market.LegsSettled e) {
      return s.settledAll(e);
    }
    throw new IllegalArgumentException("not a Market event: " + event.getClass().getName());
  }

  @Override
  public Object view(MarketState s) {
    return s.snapshot();
  }

  @Override
  public Object snapshotView(Object stored) {
    return stored instanceof MarketSnapshot s ? s : null;
  }
}
