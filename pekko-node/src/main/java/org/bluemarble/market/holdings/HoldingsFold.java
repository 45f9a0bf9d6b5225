package org.bluemarble.market.holdings;

import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.replay.EntityFold;

/**
 * Replay of a player's {@link Holdings} (wallet and inventory): its own state transitions. The view
 * is the snapshot the entity stores.
 */
public final class HoldingsFold implements EntityFold<HoldingsState> {
  private final ItemCatalog catalog;

  public HoldingsFold(ItemCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public String entityType() {
    return Holdings.ENTITY_KEY.name();
  }

  @Override
  public HoldingsState initial(String entityId) {
    return new HoldingsState(catalog);
  }

  @Override
  public HoldingsState apply(HoldingsState s, Object event) {
    if (event instanceof Holdings.LegApplied e) {
      return s.applied(e);
    } else if (event instanceof Holdings.LegVoided e) {
      return s.voided(e);
    } else if (event instanceof Holdings.LegsRecorded e) {
      return s.recorded(e);
    } else if (event instanceof Holdings.FreezeChanged e) {
      return s.freezeChanged(e);
    } else if (event instanceof Holdings.TrustTierChanged e) {
      return s.trustTierChanged(e);
    } else if (event instanceof Holdings.HistoryErased e) {
      return s.historyErased(e);
    }
    throw new IllegalArgumentException("not a Holdings event: " + event.getClass().getName());
  }

  @Override
  public Object view(HoldingsState s) {
    return s.snapshot();
  }

  @Override
  public Object snapshotView(Object stored) {
    return stored instanceof HoldingsSnapshot s ? s : null;
  }
}
