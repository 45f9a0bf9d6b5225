package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bluemarble.market.inventory.ItemStack;

/**
 * Random orders and cancels by four players through the sharded order book entity (escrow legs,
 * matching, payouts): after every step the book is not crossed and no order is overfilled; after
 * each sequence the ledger audit balances to the copper and every unit of the item exists exactly
 * once (in a wallet, in the book's escrow or on its way).
 */
class OrderBookEntityPropertiesTest {
  private static final String ITEM = "quartz_crystal";
  private static ExchangeKit kit;

  /**
   * Place an order (cancelOf < 0), or cancel the cancelOf-th order placed in this sequence: by its
   * owner when {@code buy} is true, else by player {@code owner} (another player when that is the
   * order's owner).
   */
  record Op(boolean buy, long price, long quantity, int owner, int cancelOf) {}

  @BeforeContainer
  static void start() {
    kit = new ExchangeKit("OrderBookEntityPropertiesTest");
    kit.book(ITEM);
  }

  @AfterContainer
  static void stop() {
    kit.shutdown();
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> place =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.longs().between(95, 105),
                Arbitraries.longs().between(1, 20),
                Arbitraries.integers().between(0, 3))
            .as((b, p, q, o) -> new Op(b, p, q, o, -1));
    Arbitrary<Op> cancel =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 12))
            .as((byOwner, o, i) -> new Op(byOwner, 1, 1, o, i));
    return Arbitraries.frequencyOf(Tuple.of(3, place), Tuple.of(1, cancel)).list().ofMaxSize(30);
  }

  /**
   * A resting order cancelled by another player: refused with NOT_OWNER and unchanged. (The
   * property checks the same wherever its random sequences produce such a cancel; this example
   * makes sure it is checked on every run, whatever the generator drew.)
   */
  @Example
  void aNonOwnersCancelOfARestingOrderIsRefusedAndChangesNothing() {
    String owner = kit.player();
    String other = kit.player();
    kit.grant(owner, 3_000, List.of(new ItemStack(ITEM, 5)));
    kit.grant(other, 3_000, List.of());
    // Far above any bid the property places (95-105), so it rests in the book.
    OrderView resting =
        ((BookReply.OrderDone)
                await(kit.exchange.placeOrder(null, owner, ITEM, Side.SELL, 5_000, 1)))
            .order();
    BookReply r = await(kit.exchange.cancelOrder(resting.orderId(), other));
    assertThat(r).isInstanceOf(BookReply.BookRefused.class);
    assertThat(((BookReply.BookRefused) r).error().name()).isEqualTo("NOT_OWNER");
    OrderView after = ((BookReply.OrderDone) await(kit.exchange.order(resting.orderId()))).order();
    assertThat(after.status()).isEqualTo(resting.status());
    assertThat(after.filled()).isEqualTo(resting.filled());
    BookReply byOwner = await(kit.exchange.cancelOrder(resting.orderId(), owner));
    assertThat(((BookReply.OrderDone) byOwner).order().status()).isEqualTo("CANCELLED");
  }

  @Property(tries = 40)
  void bookNeverCrossesAndMoneyAndItemsAreConserved(@ForAll("ops") List<Op> ops) {
    List<String> players = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String p = kit.player();
      kit.grant(p, 3_000, List.of(new ItemStack(ITEM, 40)));
      players.add(p);
    }
    List<OrderView> placed = new ArrayList<>();
    for (Op op : ops) {
      String owner = players.get(op.owner());
      if (op.cancelOf() >= 0) {
        if (op.cancelOf() < placed.size()) {
          OrderView o = placed.get(op.cancelOf());
          String requester =
              op.buy()
                  ? o.owner()
                  : owner.equals(o.owner())
                      ? players.get((op.owner() + 1) % players.size())
                      : owner;
          OrderView before = ((BookReply.OrderDone) await(kit.exchange.order(o.orderId()))).order();
          BookReply r = await(kit.exchange.cancelOrder(o.orderId(), requester));
          if (!requester.equals(o.owner())) {
            // Someone else's order: refused (NOT_OWNER while it rests in the book, else it is
            // simply unavailable), and the order is as it was.
            assertThat(r).isInstanceOf(BookReply.BookRefused.class);
            String error = ((BookReply.BookRefused) r).error().name();
            assertThat(error).isIn("NOT_OWNER", "ORDER_UNAVAILABLE");
            OrderView after =
                ((BookReply.OrderDone) await(kit.exchange.order(o.orderId()))).order();
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.filled()).isEqualTo(before.filled());
          } else if (r instanceof BookReply.BookRefused refused) {
            assertThat(refused.error().name()).isEqualTo("ORDER_UNAVAILABLE");
          } else {
            OrderView cancelled = ((BookReply.OrderDone) r).order();
            assertThat(cancelled.status()).isEqualTo("CANCELLED");
          }
        }
      } else {
        BookReply r =
            await(
                kit.exchange.placeOrder(
                    null, owner, ITEM, op.buy() ? Side.BUY : Side.SELL, op.price(), op.quantity()));
        if (r instanceof BookReply.OrderDone done) {
          placed.add(done.order());
        }
      }
      BookDepth depth = await(kit.exchange.depth(null, ITEM, 100));
      if (!depth.bids().isEmpty() && !depth.asks().isEmpty()) {
        assertThat(depth.bids().get(0).price())
            .as("best bid below best ask")
            .isLessThan(depth.asks().get(0).price());
      }
    }
    for (OrderView o : placed) {
      OrderView now = ((BookReply.OrderDone) await(kit.exchange.order(o.orderId()))).order();
      assertThat(now.filled()).isBetween(0L, now.quantity());
    }
    kit.balancedAudit();
  }
}
