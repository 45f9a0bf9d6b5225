package org.bluemarble.market.holdings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.inventory.Inventory;

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

  /**
   * What to persist in one write: the legs' outcome (if any), then {@code extra} (if not null), a
   * command that waited for the legs before it.
   */
  List<Holdings.Event> events(String playerId, Holdings.Event extra) {
    List<Holdings.Event> events = new ArrayList<>(2);
    if (!isEmpty()) {
      events.add(event(playerId));
    }
    if (extra != null) {
      events.add(extra);
    }
    return events;
  }

  /**
   * The legs' outcome: the one event itself, or all of them as one {@link Holdings.LegsRecorded}.
   */
  private Holdings.Event event(String playerId) {
    if (applied.size() + voided.size() == 1) {
      return applied.isEmpty() ? voided.get(0) : applied.get(0);
    }
    return new Holdings.LegsRecorded(playerId, applied, voided);
  }

  /**
   * Decides {@code leg} of {@code playerId}'s holdings against the draft: a settled key gets its
   * first answer again; a leg for another player, an OUT leg of a frozen player or one the tier
   * does not allow is refused; otherwise it applies (or is refused for want of funds, items or
   * room).
   */
  LegReply decide(String playerId, Leg leg, Instant now) {
    KeyWindow.Entry settled = settled(leg.key());
    if (settled != null) {
      return settled.error() == null
          ? new LegReply.LegDone(leg.key())
          : new LegReply.LegRefused(leg.key(), settled.error(), settled.message());
    }
    if (!leg.playerId().equals(playerId)) {
      return refuse(playerId, leg, MarketError.INVALID_ACCOUNT, "leg for " + leg.playerId(), now);
    }
    if (frozen() && leg.direction() == Leg.Direction.OUT) {
      return refuse(
          playerId, leg, MarketError.TRADING_FROZEN, "trading of " + playerId + " is frozen", now);
    }
    try {
      if (leg.tierCheck() != null && leg.direction() == Leg.Direction.OUT) {
        leg.tierCheck().require(playerId, trustTier());
      }
      apply(playerId, leg, now);
      return new LegReply.LegDone(leg.key());
    } catch (MarketException e) {
      return refuse(playerId, leg, e.error(), e.getMessage(), now);
    }
  }

  private LegReply refuse(
      String playerId, Leg leg, MarketError error, String message, Instant now) {
    String key = leg.key();
    if (leg.direction() == Leg.Direction.OUT || key.startsWith(Leg.MINT_PREFIX)) {
      voided(new Holdings.LegVoided(playerId, key, error, message, now));
    }
    // Other refused IN legs are owed to the player (proceeds, deliveries, returns): the
    // coordinator re-posts them until there is room, so nothing is recorded.
    return new LegReply.LegRefused(key, error, message);
  }
}
