package org.bluemarble.market.trade;

import java.util.Objects;
import org.bluemarble.market.Ids;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;

/**
 * The negotiation of a direct trade between two players, as a state machine: both sides put up
 * offers ({@link #offer}), each confirms the offers at a given {@link #version()} ({@link
 * #confirm}); any change of an offer bumps the version and clears both confirmations, so nobody
 * confirms something they did not see. Once both confirmed the session is {@link State#LOCKED}; the
 * trade entity then takes both offers into escrow with legs and calls {@link #complete} or {@link
 * #abort}. Deterministic; the trade entity persists each accepted command as its event.
 */
public final class TradeSession {
  /** Life cycle of a trade. */
  public enum State {
    NEGOTIATING,
    LOCKED,
    COMPLETED,
    CANCELLED
  }

  private final String tradeId;
  private final String first;
  private final String second;
  private final ItemCatalog catalog;
  private TradeOffer firstOffer = TradeOffer.EMPTY;
  private TradeOffer secondOffer = TradeOffer.EMPTY;
  private boolean firstConfirmed;
  private boolean secondConfirmed;
  private long version;
  private State state = State.NEGOTIATING;

  public TradeSession(String tradeId, String first, String second, ItemCatalog catalog) {
    this.tradeId = Ids.require("tradeId", tradeId);
    this.first = Ids.require("first", first);
    this.second = Ids.require("second", second);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    if (first.equals(second)) {
      throw new MarketException(MarketError.SELF_TRADE, first + " cannot trade with themself");
    }
  }

  /** Replaces {@code player}'s offer; clears both confirmations. */
  public void offer(String player, TradeOffer offer) {
    requireState(State.NEGOTIATING, "change an offer");
    boolean isFirst = side(player);
    for (ItemStack stack : offer.items()) {
      if (!catalog.get(stack.itemId()).tradeable()) {
        throw new MarketException(MarketError.NOT_TRADEABLE, stack.itemId() + " cannot be traded");
      }
    }
    if (isFirst) {
      firstOffer = offer;
    } else {
      secondOffer = offer;
    }
    version++;
    firstConfirmed = false;
    secondConfirmed = false;
  }

  /**
   * {@code player} accepts both offers as of {@code seenVersion}; {@link MarketError#OFFER_CHANGED}
   * when an offer changed since. The second confirmation locks the trade.
   */
  public void confirm(String player, long seenVersion) {
    requireState(State.NEGOTIATING, "confirm");
    boolean isFirst = side(player);
    if (seenVersion != version) {
      throw new MarketException(
          MarketError.OFFER_CHANGED,
          "offers are at version " + version + ", confirmation was for " + seenVersion);
    }
    if (firstOffer.isEmpty() && secondOffer.isEmpty()) {
      throw new MarketException(MarketError.TRADE_STATE, "nothing is offered by either side");
    }
    if (isFirst) {
      firstConfirmed = true;
    } else {
      secondConfirmed = true;
    }
    if (firstConfirmed && secondConfirmed) {
      state = State.LOCKED;
    }
  }

  /** Either player walks away before the trade is locked. */
  public void cancel(String player) {
    side(player);
    requireState(State.NEGOTIATING, "cancel");
    state = State.CANCELLED;
  }

  /** The saga finished every step. */
  public void complete() {
    requireState(State.LOCKED, "complete");
    state = State.COMPLETED;
  }

  /** The saga compensated a failed escrow step; both keep their holdings. */
  public void abort() {
    requireState(State.LOCKED, "abort");
    state = State.CANCELLED;
  }

  private boolean side(String player) {
    if (first.equals(player)) {
      return true;
    }
    if (second.equals(player)) {
      return false;
    }
    throw new MarketException(
        MarketError.NOT_OWNER, player + " is not part of trade '" + tradeId + "'");
  }

  private void requireState(State wanted, String action) {
    if (state != wanted) {
      throw new MarketException(
          MarketError.TRADE_STATE, "cannot " + action + " a trade that is " + state);
    }
  }

  public State state() {
    return state;
  }

  /** The player who opened the trade. */
  public String first() {
    return first;
  }

  /** The player invited to the trade. */
  public String second() {
    return second;
  }

  /** Bumped by every offer change; confirmations name the version they accept. */
  public long version() {
    return version;
  }

  public TradeOffer offerOf(String player) {
    return side(player) ? firstOffer : secondOffer;
  }

  public boolean confirmedBy(String player) {
    return side(player) ? firstConfirmed : secondConfirmed;
  }
}
