package org.bluemarble.market.holdings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.inventory.Inventory;
import org.bluemarble.market.saga.KeyWindow;

/**
 * The holdings as they will be once the legs decided so far in one group commit are applied: a copy
 * of the wallet and inventory, plus the keys settled in this batch, in front of the real state's
 * key window. {@link Holdings} decides every leg of a flush against the draft, persists the
 * resulting events in one journal write, and only then applies them to the real state (through the
 * event handler) and answers. Owned by the actor for the duration of one command.
 */
final class HoldingsDraft {
  private final HoldingsState base;
  private final Inventory inventory;
  private long copper;
  private final Map<String, KeyWindow.Entry> keys = new HashMap<>();
  private final List<Holdings.LegApplied> applied = new ArrayList<>();
  private final List<Holdings.LegVoided> voided = new ArrayList<>();

  HoldingsDraft(HoldingsState base, Inventory inventory, long copper) {
    this.base = base;
    this.inventory = inventory;
    this.copper = copper;
  }

  /** How {@code key} was settled, in this batch or before; null if new. */
  KeyWindow.Entry settled(String key) {
    KeyWindow.Entry e = keys.get(key);
    return e != null ? e : base.settled(key);
  }

  boolean frozen() {
    return base.frozen();
  }

  /** The tier an admin gave the player, or null (the configured default applies). */
  TrustTier trustTier() {
    return base.trustTier();
  }

  /** Decides {@code leg} against the draft and, if it applies, records it; throws the refusal. */
  void apply(String playerId, Leg leg, Instant at) {
    Holdings.LegApplied e = HoldingsState.decide(playerId, leg, at, copper, inventory);
    copper += leg.signedCopper();
    if (e.removed() != null) {
      inventory.apply(e.removed());
    }
    if (e.added() != null) {
      inventory.apply(e.added());
    }
    keys.put(leg.key(), new KeyWindow.Entry(leg.key(), null, null));
    applied.add(e);
  }

  /** Records a refusal that stands for good. */
  void voided(Holdings.LegVoided e) {
    keys.put(e.key(), new KeyWindow.Entry(e.key(), e.error(), e.message()));
    voided.add(e);
  }

  boolean isEmpty() {
    return applied.isEmpty() && voided.isEmpty();
  }

  /** What to persist: the one event itself, or all of them as one {@link Holdings.LegsRecorded}. */
  Holdings.Event event(String playerId) {
    if (applied.size() + voided.size() == 1) {
      return applied.isEmpty() ? voided.get(0) : applied.get(0);
    }
    return new Holdings.LegsRecorded(playerId, applied, voided);
  }
}
