package org.bluemarble.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.ledger.LedgerAccount;

/**
 * The negotiation of a direct trade between two players, as a state machine: both sides put up
 * offers ({@link #offer}), each confirms the offers at a given {@link #version()} ({@link
 * #confirm}); any change of an offer bumps the version and clears both confirmations, so nobody
 * confirms something they did not see. Once both confirmed the session is {@link State#LOCKED} and
 * {@link #swapPlan()} gives the saga its steps; the saga then calls {@link #complete} or {@link
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

  /** The steps of the swap; only once locked. */
  public SwapPlan swapPlan() {
    requireState(State.LOCKED, "plan the swap");
    List<SwapStep> steps = new ArrayList<>();
    addEscrow(steps, first, firstOffer);
    addEscrow(steps, second, secondOffer);
    addRelease(steps, first, second, firstOffer);
    addRelease(steps, second, first, secondOffer);
    return new SwapPlan(tradeId, steps);
  }

  private void addEscrow(List<SwapStep> steps, String owner, TradeOffer offer) {
    String key = "trade:" + tradeId + ":escrow:" + owner;
    if (offer.money() > 0) {
      MoneyMove move =
          new MoneyMove(
              LedgerAccount.wallet(owner), moneyEscrow(owner), offer.money(), key + ":money");
      steps.add(step(steps, SwapStep.Phase.ESCROW, move));
    }
    for (int i = 0; i < offer.items().size(); i++) {
      ItemStack stack = offer.items().get(i);
      ItemMove move =
          new ItemMove(
              ItemHolder.player(owner),
              itemEscrow(owner),
              stack.itemId(),
              stack.quantity(),
              key + ":item:" + i);
      steps.add(step(steps, SwapStep.Phase.ESCROW, move));
    }
  }

  private void addRelease(List<SwapStep> steps, String owner, String receiver, TradeOffer offer) {
    String key = "trade:" + tradeId + ":release:" + owner;
    if (offer.money() > 0) {
      MoneyMove move =
          new MoneyMove(
              moneyEscrow(owner), LedgerAccount.wallet(receiver), offer.money(), key + ":money");
      steps.add(step(steps, SwapStep.Phase.RELEASE, move));
    }
    for (int i = 0; i < offer.items().size(); i++) {
      ItemStack stack = offer.items().get(i);
      ItemMove move =
          new ItemMove(
              itemEscrow(owner),
              ItemHolder.player(receiver),
              stack.itemId(),
              stack.quantity(),
              key + ":item:" + i);
      steps.add(step(steps, SwapStep.Phase.RELEASE, move));
    }
  }

  private static SwapStep step(List<SwapStep> steps, SwapStep.Phase phase, AssetMove move) {
    return new SwapStep(
        steps.size(), phase, move, move.reversed(move.idempotencyKey() + ":compensate"));
  }

  /** Escrow account for {@code owner}'s money in this trade. */
  public LedgerAccount moneyEscrow(String owner) {
    return LedgerAccount.escrow("trade:" + tradeId + ":" + owner);
  }

  /** Escrow for {@code owner}'s items in this trade. */
  public ItemHolder itemEscrow(String owner) {
    return ItemHolder.escrow("trade:" + tradeId + ":" + owner);
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
