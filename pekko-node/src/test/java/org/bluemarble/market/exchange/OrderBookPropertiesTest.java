package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemStack;

/**
 * Random order/cancel sequences against the book and against a naive reference matcher (with the
 * same cancel-newest self-trade rule): never crossed, no fill between one owner's orders, quantity,
 * money and items conserved.
 */
class OrderBookPropertiesTest {

  /** Place (cancelOf < 0) or cancel the cancelOf-th placed order. */
  record Op(boolean buy, long price, long quantity, int owner, int cancelOf) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> place =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.longs().between(95, 105),
                Arbitraries.longs().between(1, 20),
                Arbitraries.integers().between(0, 4))
            .as((b, p, q, o) -> new Op(b, p, q, o, -1));
    Arbitrary<Op> cancel = Arbitraries.integers().between(0, 80).map(i -> new Op(true, 1, 1, 0, i));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, place), net.jqwik.api.Tuple.of(1, cancel))
        .list()
        .ofMaxSize(120);
  }

  /** What the players gained (negative: gave), what the book's escrow holds and its fees. */
  private static final class Books {
    final Map<String, Long> money = new HashMap<>();
    final Map<String, Long> items = new HashMap<>();
    long escrowMoney;
    long escrowItems;
    long fees;

    void apply(Settlement s) {
      for (Leg leg : s.legs()) {
        long sign = leg.direction() == Leg.Direction.IN ? 1 : -1;
        long quantity = leg.items().stream().mapToLong(ItemStack::quantity).sum();
        money.merge(leg.playerId(), sign * leg.copper(), Long::sum);
        items.merge(leg.playerId(), sign * quantity, Long::sum);
        escrowMoney -= sign * leg.copper();
        escrowItems -= sign * quantity;
      }
      escrowMoney -= s.fee();
      fees += s.fee();
    }
  }

  /** The naive reference: a flat list, sorted on every match. */
  private static final class Reference {
    record Resting(Order order, long seq, long remaining) {}

    final List<Resting> resting = new ArrayList<>();
    long seq;

    /** Quantity of the last placed order cancelled by self-trade prevention. */
    long lastCancelled;

    List<long[]> place(Order o) {
      List<long[]> fills = new ArrayList<>();
      lastCancelled = 0;
      long left = o.quantity();
      long mySeq = ++seq;
      boolean buy = o.side() == Side.BUY;
      while (left > 0) {
        Resting best =
            resting.stream()
                .filter(r -> r.order().side() != o.side())
                .filter(
                    r ->
                        buy
                            ? r.order().limitPrice() <= o.limitPrice()
                            : r.order().limitPrice() >= o.limitPrice())
                .min(
                    Comparator.<Resting>comparingLong(
                            r -> buy ? r.order().limitPrice() : -r.order().limitPrice())
                        .thenComparingLong(Resting::seq))
                .orElse(null);
        if (best == null) {
          break;
        }
        if (best.order().owner().equals(o.owner())) {
          lastCancelled = left;
          left = 0;
          break;
        }
        long q = Math.min(left, best.remaining());
        fills.add(new long[] {best.seq(), best.order().limitPrice(), q});
        left -= q;
        resting.remove(best);
        if (best.remaining() > q) {
          resting.add(new Resting(best.order(), best.seq(), best.remaining() - q));
        }
      }
      if (left > 0) {
        resting.add(new Resting(o, mySeq, left));
      }
      return fills;
    }
  }

  @Property(tries = 300)
  void bookNeverCrossedNeverSelfTradesConservesQuantityAndMoneyAndRespectsPriceTimePriority(
      @ForAll("ops") List<Op> ops) {
    OrderBook book = new OrderBook("ore", 500);
    Reference reference = new Reference();
    Books books = new Books();
    List<Order> placed = new ArrayList<>();
    Map<String, Long> sequenceOf = new HashMap<>();
    Map<String, Long> filled = new HashMap<>();
    Map<String, Long> cancelled = new HashMap<>();
    long feesExpected = 0;
    for (Op op : ops) {
      if (op.cancelOf() >= 0) {
        if (op.cancelOf() >= placed.size()) {
          continue;
        }
        Order target = placed.get(op.cancelOf());
        var open = book.find(target.id());
        if (open.isPresent()) {
          cancelled.put(target.id(), open.get().remaining());
          books.apply(book.cancel(target.id(), target.owner()));
          reference.resting.removeIf(r -> r.order().id().equals(target.id()));
        }
        continue;
      }
      Order order =
          new Order(
              "o" + placed.size(),
              "p" + op.owner(),
              op.buy() ? Side.BUY : Side.SELL,
              op.price(),
              op.quantity());
      placed.add(order);
      List<long[]> expected = reference.place(order);
      MatchResult result = book.place(order, Long.MAX_VALUE);
      sequenceOf.put(order.id(), (long) placed.size());
      books.apply(result.settlement());
      assertThat(result.fills()).hasSameSizeAs(expected);
      assertThat(result.cancelledQuantity()).isEqualTo(reference.lastCancelled);
      if (result.cancelledQuantity() > 0) {
        cancelled.put(order.id(), result.cancelledQuantity());
      }
      for (int i = 0; i < expected.size(); i++) {
        Fill f = result.fills().get(i);
        assertThat(f.buyer()).as("self-trade in %s", f).isNotEqualTo(f.seller());
        String maker = order.side() == Side.BUY ? f.sellOrderId() : f.buyOrderId();
        assertThat(sequenceOf.get(maker)).isEqualTo(expected.get(i)[0]);
        assertThat(f.price()).isEqualTo(expected.get(i)[1]);
        assertThat(f.quantity()).isEqualTo(expected.get(i)[2]);
        filled.merge(f.buyOrderId(), f.quantity(), Long::sum);
        filled.merge(f.sellOrderId(), f.quantity(), Long::sum);
        feesExpected += f.price() * f.quantity() * 500 / 10_000;
      }
      assertThat(book.isCrossed()).isFalse();
    }
    long restingMoney = 0;
    long restingItems = 0;
    for (Order o : placed) {
      long remaining = book.find(o.id()).map(RestingOrder::remaining).orElse(0L);
      assertThat(filled.getOrDefault(o.id(), 0L) + cancelled.getOrDefault(o.id(), 0L) + remaining)
          .as("quantity of %s", o.id())
          .isEqualTo(o.quantity());
      if (o.side() == Side.BUY) {
        restingMoney += remaining * o.limitPrice();
      } else {
        restingItems += remaining;
      }
    }
    assertThat(books.escrowMoney).as("copper held for resting buys").isEqualTo(restingMoney);
    assertThat(books.escrowItems).as("items held for resting sells").isEqualTo(restingItems);
    long players = books.money.values().stream().mapToLong(Long::longValue).sum();
    assertThat(players + books.escrowMoney + books.fees).isZero();
    assertThat(books.items.values().stream().mapToLong(Long::longValue).sum() + books.escrowItems)
        .isZero();
    assertThat(books.fees).isEqualTo(feesExpected);
    assertThat(reference.resting).hasSize(book.size());
  }
}
