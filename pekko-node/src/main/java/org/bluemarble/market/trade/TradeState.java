package org.bluemarble.market.trade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;

/**
 * The state of one {@link Trade}: the negotiation ({@link TradeSession}) and, once both confirmed,
 * the swap saga. Escrow legs take each side's offer (one all-or-nothing OUT leg per side, which
 * also requires room for what the side will receive), one after the other; when both are taken the
 * release legs give each offer to the other side; if a side's escrow is refused, what was taken
 * goes back. Legs owed to players stay pending until acknowledged. Mutable, never leaves the actor.
 */
public final class TradeState {
  /** Where the saga is. */
  enum Phase {
    NONE,
    NEGOTIATING,
    ESCROWING,
    RELEASING,
    COMPLETED,
    ABORTING,
    CANCELLED
  }

  private final String tradeId;
  private final ItemCatalog catalog;
  private TradeSession session;
  private Phase phase = Phase.NONE;
  private final List<Leg> escrow = new ArrayList<>();
  private final Set<String> escrowed = new HashSet<>();
  private final Map<String, Leg> pending = new LinkedHashMap<>();
  private final Map<String, Long> heldItems = new TreeMap<>();
  private long heldCopper;
  private String failure = "";

  TradeState(String tradeId, ItemCatalog catalog) {
    this.tradeId = tradeId;
    this.catalog = catalog;
  }

  Phase phase() {
    return phase;
  }

  /** The negotiation, or {@link MarketError#TRADE_STATE} before the trade is opened. */
  TradeSession session() {
    if (session == null) {
      throw new MarketException(MarketError.TRADE_STATE, "trade " + tradeId + " is not open");
    }
    return session;
  }

  /** The escrow legs not taken yet, while escrowing (posted together, answered independently). */
  List<Leg> openEscrows() {
    if (phase != Phase.ESCROWING) {
      return List.of();
    }
    return escrow.stream().filter(l -> !escrowed.contains(l.key())).toList();
  }

  boolean isPending(String key) {
    return pending.containsKey(key);
  }

  /** The keys of the legs still owed to players. */
  Set<String> pendingKeys() {
    return Set.copyOf(pending.keySet());
  }

  Iterable<Leg> pendingLegs() {
    return List.copyOf(pending.values());
  }

  // Event application

  TradeState opened(Trade.TradeOpened e) {
    session = new TradeSession(tradeId, e.first(), e.second(), catalog);
    phase = Phase.NEGOTIATING;
    return this;
  }

  TradeState offerChanged(Trade.OfferChanged e) {
    session.offer(e.player(), e.offer());
    return this;
  }

  TradeState confirmed(Trade.OfferConfirmed e) {
    session.confirm(e.player(), e.version());
    if (session.state() == TradeSession.State.LOCKED) {
      phase = Phase.ESCROWING;
      addEscrow(session.first(), session.second());
      addEscrow(session.second(), session.first());
    }
    return this;
  }

  private void addEscrow(String owner, String other) {
    TradeOffer offer = session.offerOf(owner);
    if (offer.isEmpty()) {
      return;
    }
    List<ItemStack> incoming = session.offerOf(other).items();
    escrow.add(
        new Leg(
            "trade:" + tradeId + ":escrow:" + owner,
            owner,
            Leg.Direction.OUT,
            offer.money(),
            0,
            offer.items(),
            incoming));
  }

  TradeState cancelled(Trade.TradeCancelled e) {
    session.cancel(e.player());
    phase = Phase.CANCELLED;
    return this;
  }

  private void escrowTaken(String key) {
    Leg leg = escrow.stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow();
    if (!escrowed.add(leg.key())) {
      return;
    }
    hold(leg, 1);
    if (escrowed.size() == escrow.size()) {
      phase = Phase.RELEASING;
      for (Leg taken : escrow) {
        String receiver =
            taken.playerId().equals(session.first()) ? session.second() : session.first();
        owe(
            Leg.in(
                taken.key().replace(":escrow:", ":release:"),
                receiver,
                taken.copper(),
                taken.items()));
      }
    }
  }

  /**
   * Every escrow leg answered: {@code taken} were applied; a non-null {@code refusedKey} was not.
   */
  TradeState escrowsSettled(Trade.EscrowsSettled e) {
    if (e.refusedKey() == null) {
      e.taken().forEach(this::escrowTaken);
      return this;
    }
    for (String k : e.taken()) {
      escrow.stream()
          .filter(l -> l.key().equals(k))
          .findFirst()
          .filter(l -> escrowed.add(l.key()))
          .ifPresent(l -> hold(l, 1));
    }
    abort(e.error() + ": " + e.message());
    return this;
  }

  TradeState legsSettled(Trade.LegsSettled e) {
    e.keys().forEach(this::settled);
    return this;
  }

  /** An escrow leg was refused: every taken one goes back. */
  private void abort(String why) {
    phase = Phase.ABORTING;
    failure = why;
    for (Leg taken : escrow) {
      if (escrowed.contains(taken.key())) {
        owe(
            Leg.in(
                taken.key().replace(":escrow:", ":return:"),
                taken.playerId(),
                taken.copper(),
                taken.items()));
      }
    }
    finishIfSettled();
  }

  private void settled(String key) {
    Leg leg = pending.remove(key);
    if (leg != null) {
      hold(leg, -1);
      finishIfSettled();
    }
  }

  private void finishIfSettled() {
    if (!pending.isEmpty()) {
      return;
    }
    if (phase == Phase.RELEASING) {
      session.complete();
      phase = Phase.COMPLETED;
    } else if (phase == Phase.ABORTING) {
      session.abort();
      phase = Phase.CANCELLED;
    }
  }

  private void owe(Leg leg) {
    pending.put(leg.key(), leg);
  }

  private void hold(Leg leg, int sign) {
    heldCopper += sign * leg.copper();
    for (ItemStack s : leg.items()) {
      heldItems.merge(s.itemId(), (long) sign * s.quantity(), Long::sum);
      heldItems.remove(s.itemId(), 0L);
    }
  }

  TradeView view() {
    if (session == null) {
      return new TradeView(
          tradeId, null, null, null, null, 0, false, false, phase.name(), failure, 0, Map.of(), 0);
    }
    String a = session.first();
    String b = session.second();
    return new TradeView(
        tradeId,
        a,
        b,
        session.offerOf(a),
        session.offerOf(b),
        session.version(),
        session.confirmedBy(a),
        session.confirmedBy(b),
        phase.name(),
        failure,
        heldCopper,
        heldItems,
        pending.size());
  }
}
