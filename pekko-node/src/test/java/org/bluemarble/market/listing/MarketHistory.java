package org.bluemarble.market.listing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.holdings.Leg;

/**
 * Writes a market's event history without an actor: each step plans its operation with {@link
 * MarketOps} against a live {@link MarketState}, applies the events to it as the entity would and
 * records them, so tests and the recovery benchmark can replay, snapshot and restore exactly the
 * events a real market would have persisted. Public for the benchmark in another package.
 */
public final class MarketHistory {
  private static final EconomyConfig CONFIG = EconomyConfig.defaults();

  private final String marketId;
  private final MarketState live;
  private final MarketOps ops;
  private final List<Market.Event> events = new ArrayList<>();

  public MarketHistory(String marketId) {
    this.marketId = marketId;
    this.live = empty(marketId);
    this.ops = new MarketOps(marketId, CONFIG.defaultTier());
  }

  /** A fresh state of {@code marketId} with the default economy config. */
  public static MarketState empty(String marketId) {
    return new MarketState(marketId, CONFIG.fees(), CONFIG.catalog());
  }

  /** Every event recorded so far, in order. */
  public List<Market.Event> events() {
    return List.copyOf(events);
  }

  public MarketState live() {
    return live;
  }

  private void record(Market.Event e) {
    apply(live, e);
    events.add(e);
  }

  /** Opens a listing; it is charged and on the board. */
  public MarketOp open(
      String listingId, String seller, String itemId, long qty, long price, int days, Instant at) {
    MarketOp op = startOpen(listingId, seller, itemId, qty, price, days, at);
    charge(op, at);
    return op;
  }

  /** Starts opening a listing: the operation waits for its charge. */
  public MarketOp startOpen(
      String listingId, String seller, String itemId, long qty, long price, int days, Instant at) {
    return start(
        ops.open(
            live,
            new Market.OpenListing(listingId, seller, itemId, qty, price, days, null, null),
            at,
            0));
  }

  /** Buys a listing; the seller's proceeds and the buyer's items become owed legs. */
  public MarketOp buy(String listingId, String buyer, Instant at) {
    MarketOp op = startBuy(listingId, buyer, at);
    charge(op, at);
    return op;
  }

  /** Starts buying a listing: the operation waits for the buyer's payment. */
  public MarketOp startBuy(String listingId, String buyer, Instant at) {
    return start(ops.buy(live, new Market.Buy(listingId, buyer, null, null, null), at));
  }

  /** Reprices a listing (charged at once, or without a charge when the fee does not rise). */
  public MarketOp reprice(String listingId, String seller, long price, Instant at) {
    MarketOp op =
        start(ops.reprice(live, new Market.Reprice(listingId, seller, price, null, null), at));
    charge(op, at);
    return op;
  }

  private MarketOp start(MarketOp op) {
    record(new Market.OpStarted(marketId, op));
    return op;
  }

  /** The charge of {@code op} was taken. */
  public void charge(MarketOp op, Instant at) {
    record(new Market.OpCharged(marketId, op.opId(), at));
  }

  /** The charge of {@code op} was refused; {@code refunded} gives back what it took. */
  public void fail(MarketOp op, boolean refunded) {
    Leg c = op.charge();
    Leg refund = refunded ? Leg.in(c.key() + ":refund", c.playerId(), c.copper(), c.items()) : null;
    record(
        new Market.OpFailed(marketId, op.opId(), MarketError.INSUFFICIENT_FUNDS, "test", refund));
  }

  public void cancel(String listingId, String seller, Instant at) {
    record(new Market.ListingCancelled(marketId, listingId, seller, at));
  }

  public void expire(Instant at) {
    record(new Market.ListingsExpired(marketId, at));
  }

  /** The players' holdings applied the legs {@code keys}. */
  public void settle(String... keys) {
    record(new Market.LegsSettled(marketId, List.of(keys)));
  }

  /** Applies {@code e} as {@link Market}'s event handler does. */
  public static MarketState apply(MarketState s, Market.Event e) {
    if (e instanceof Market.OpStarted x) {
      return s.started(x);
    } else if (e instanceof Market.OpCharged x) {
      return s.charged(x);
    } else if (e instanceof Market.OpFailed x) {
      return s.failed(x);
    } else if (e instanceof Market.ListingCancelled x) {
      return s.cancelled(x);
    } else if (e instanceof Market.ListingsExpired x) {
      return s.expired(x);
    } else {
      return s.settledAll((Market.LegsSettled) e);
    }
  }

  /** The state after replaying {@code events} from empty. */
  public static MarketState replay(String marketId, List<Market.Event> events) {
    MarketState s = empty(marketId);
    events.forEach(e -> apply(s, e));
    return s;
  }

  /** The snapshot a market would store after its first {@code count} events. */
  public static MarketSnapshot snapshotAfter(
      String marketId, List<Market.Event> events, int count) {
    return replay(marketId, events.subList(0, count)).snapshot();
  }

  /**
   * A busy market's history of exactly {@code size} events: listings of ore, bread and swords by 40
   * sellers, each bought within seconds by one of 40 buyers and its legs settled (5 events a sale),
   * with a reprice every 7th listing and a cancellation every 11th, padded at the end with expiry
   * rounds that find nothing due. Nothing is in flight at the end, so a market recovering it posts
   * nothing; its last event is at {@link #busyEnd(int)}.
   */
  public static List<Market.Event> busy(String marketId, int size) {
    MarketHistory h = new MarketHistory(marketId);
    String[] items = {"copper_ore", "trail_bread", "iron_sword"};
    Instant at = BUSY_START;
    for (int i = 0; size - h.events.size() >= 7; i++) {
      at = busyTime(i);
      String id = marketId + ".l" + i;
      String seller = "s-" + (i % 40);
      String item = items[i % items.length];
      long qty = item.equals("iron_sword") ? 1 : 1 + i % 20;
      h.open(id, seller, item, qty, 100 + (i * 37L) % 5_000, 1 + 2 * (i % 2), at);
      if (i % 7 == 3) {
        h.reprice(id, seller, 200 + (i * 37L) % 5_000, at);
      }
      if (i % 11 == 5) {
        h.cancel(id, seller, at);
        h.settle("listing:" + id + ":cancel");
      } else {
        h.buy(id, "b-" + (i % 40), at);
        h.settle("listing:" + id + ":pay", "listing:" + id + ":deliver");
      }
    }
    while (h.events.size() < size) {
      h.expire(at);
    }
    return h.events();
  }

  private static final Instant BUSY_START = Instant.parse("2030-01-01T00:00:00Z");

  private static Instant busyTime(int cycle) {
    return BUSY_START.plus(Duration.ofSeconds(20L * (cycle + 1)));
  }

  /** No later than the last event of {@link #busy} with {@code size} events. */
  public static Instant busyEnd(int size) {
    return busyTime(size);
  }
}
