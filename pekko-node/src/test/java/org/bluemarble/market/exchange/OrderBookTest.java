package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.Test;

class OrderBookTest {
  private final OrderBook book = new OrderBook("iron_ore", 500);

  private static List<ItemStack> ore(int quantity) {
    return List.of(new ItemStack("iron_ore", quantity));
  }

  private static MarketError errorOf(Runnable r) {
    try {
      r.run();
    } catch (MarketException e) {
      return e.error();
    }
    throw new AssertionError("expected a MarketException");
  }

  @Test
  void buyOrderEscrowsItsFundsAndRestsWhenNothingCrosses() {
    MatchResult r = book.place(new Order("b1", "alice", Side.BUY, 100, 10), Long.MAX_VALUE);
    assertThat(r.fills()).isEmpty();
    assertThat(r.restingQuantity()).isEqualTo(10);
    assertThat(r.settlement().legs())
        .containsExactly(Leg.out("order:iron_ore:b1:escrow", "alice", 1_000, List.of()));
    assertThat(r.settlement().fee()).isZero();
    assertThat(book.bestBid()).hasValue(100);
  }

  @Test
  void sellOrderEscrowsItsItems() {
    MatchResult r = book.place(new Order("s1", "bob", Side.SELL, 120, 4), Long.MAX_VALUE);
    assertThat(r.settlement().legs())
        .containsExactly(Leg.out("order:iron_ore:s1:escrow", "bob", 0, ore(4)));
    assertThat(book.bestAsk()).hasValue(120);
  }

  @Test
  void fillsAtTheMakerPriceRefundsTheBuyersSurplusAndChargesTheSellerTheFee() {
    book.place(new Order("s1", "bob", Side.SELL, 100, 5), Long.MAX_VALUE);
    MatchResult r = book.place(new Order("b1", "alice", Side.BUY, 120, 5), Long.MAX_VALUE);
    assertThat(r.fills()).hasSize(1);
    Fill fill = r.fills().get(0);
    assertThat(fill.price()).isEqualTo(100);
    assertThat(fill.quantity()).isEqualTo(5);
    assertThat(r.settlement().legs())
        .containsExactly(
            Leg.out("order:iron_ore:b1:escrow", "alice", 600, List.of()),
            Leg.in("fill:iron_ore:1:pay", "bob", 475, List.of()),
            Leg.in("fill:iron_ore:1:refund", "alice", 100, List.of()),
            Leg.in("fill:iron_ore:1:items", "alice", 0, ore(5)));
    assertThat(r.settlement().fee()).isEqualTo(25);
    assertThat(book.size()).isZero();
  }

  @Test
  void partiallyFillsAcrossLevelsInPriceThenTimeOrder() {
    book.place(new Order("s1", "bob", Side.SELL, 101, 3), Long.MAX_VALUE);
    book.place(new Order("s2", "carol", Side.SELL, 100, 2), Long.MAX_VALUE);
    book.place(new Order("s3", "dave", Side.SELL, 100, 2), Long.MAX_VALUE);
    MatchResult r = book.place(new Order("b1", "alice", Side.BUY, 101, 6), Long.MAX_VALUE);
    assertThat(r.fills())
        .extracting(Fill::sellOrderId, Fill::price, Fill::quantity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s2", 100L, 2L),
            org.assertj.core.groups.Tuple.tuple("s3", 100L, 2L),
            org.assertj.core.groups.Tuple.tuple("s1", 101L, 2L));
    assertThat(r.restingQuantity()).isZero();
    assertThat(book.find("s1").orElseThrow().remaining()).isEqualTo(1);
  }

  @Test
  void cancelReturnsWhatIsLeftAndOnlyTheOwnerMayCancel() {
    book.place(new Order("b1", "alice", Side.BUY, 50, 10), Long.MAX_VALUE);
    book.place(new Order("s1", "bob", Side.SELL, 50, 4), Long.MAX_VALUE);
    assertThat(errorOf(() -> book.cancel("b1", "bob"))).isEqualTo(MarketError.NOT_OWNER);
    Settlement refund = book.cancel("b1", "alice");
    assertThat(refund.legs())
        .containsExactly(Leg.in("order:iron_ore:b1:cancel", "alice", 300, List.of()));
    assertThat(errorOf(() -> book.cancel("b1", "alice"))).isEqualTo(MarketError.ORDER_UNAVAILABLE);
    assertThat(errorOf(() -> book.cancel("s1", "bob"))).isEqualTo(MarketError.ORDER_UNAVAILABLE);
  }

  @Test
  void refusesAnOrderTheOwnerCannotCoverAndChangesNothing() {
    assertThat(errorOf(() -> book.place(new Order("b1", "alice", Side.BUY, 100, 10), 999)))
        .isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(errorOf(() -> book.place(new Order("s1", "bob", Side.SELL, 100, 10), 9)))
        .isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
    assertThat(book.size()).isZero();
    assertThat(book.place(new Order("b1", "alice", Side.BUY, 100, 10), 1_000).restingQuantity())
        .isEqualTo(10);
  }

  @Test
  void refusesAReusedOrderIdEvenAfterItWasFilled() {
    book.place(new Order("s1", "bob", Side.SELL, 50, 1), Long.MAX_VALUE);
    book.place(new Order("b1", "alice", Side.BUY, 50, 1), Long.MAX_VALUE);
    assertThat(errorOf(() -> book.place(new Order("b1", "alice", Side.BUY, 50, 1), Long.MAX_VALUE)))
        .isEqualTo(MarketError.IDEMPOTENCY_CONFLICT);
  }

  @Test
  void rejectsNonPositivePricesAndQuantitiesAndBlankIds() {
    assertThat(errorOf(() -> new Order(" ", "a", Side.BUY, 1, 1)))
        .isEqualTo(MarketError.INVALID_ID);
    assertThat(errorOf(() -> new Order("x", "", Side.BUY, 1, 1))).isEqualTo(MarketError.INVALID_ID);
    assertThat(errorOf(() -> new Order("x", "a", Side.BUY, 0, 1)))
        .isEqualTo(MarketError.INVALID_AMOUNT);
    assertThat(errorOf(() -> new Order("x", "a", Side.BUY, 1, 0)))
        .isEqualTo(MarketError.INVALID_QUANTITY);
    assertThat(book.size()).isZero();
    assertThat(List.of(book.orders(Side.BUY), book.orders(Side.SELL))).allMatch(List::isEmpty);
  }

  @Test
  void anIncomingOrderStopsAtItsOwnersRestingOrderAndItsRestIsReturned() {
    book.place(new Order("s1", "bob", Side.SELL, 100, 2), Long.MAX_VALUE);
    book.place(new Order("s2", "alice", Side.SELL, 101, 5), Long.MAX_VALUE);
    book.place(new Order("s3", "bob", Side.SELL, 102, 5), Long.MAX_VALUE);
    MatchResult r = book.place(new Order("b1", "alice", Side.BUY, 105, 10), Long.MAX_VALUE);
    assertThat(r.fills()).extracting(Fill::sellOrderId).containsExactly("s1");
    assertThat(r.restingQuantity()).isZero();
    assertThat(r.cancelledQuantity()).isEqualTo(8);
    assertThat(r.settlement().payouts())
        .contains(Leg.in("order:iron_ore:b1:selftrade", "alice", 8 * 105, List.of()));
    assertThat(book.find("s2")).map(RestingOrder::remaining).contains(5L);
    assertThat(book.find("b1")).isEmpty();
    assertThat(book.isCrossed()).isFalse();
  }

  @Test
  void aSellReachingItsOwnersBidGetsItsItemsBack() {
    book.place(new Order("b1", "alice", Side.BUY, 100, 3), Long.MAX_VALUE);
    MatchResult r = book.place(new Order("s1", "alice", Side.SELL, 90, 4), Long.MAX_VALUE);
    assertThat(r.fills()).isEmpty();
    assertThat(r.cancelledQuantity()).isEqualTo(4);
    assertThat(r.settlement().payouts())
        .containsExactly(Leg.in("order:iron_ore:s1:selftrade", "alice", 0, ore(4)));
    assertThat(book.find("b1")).map(RestingOrder::remaining).contains(3L);
  }
}
