package org.bluemarble.market.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluemarble.market.Errors;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.Test;

class TradeSessionTest {
  private static final ItemCatalog CATALOG = ItemCatalog.loadDefault();

  private TradeSession lockedTrade() {
    TradeSession t = new TradeSession("t1", "ann", "ben", CATALOG);
    t.offer("ann", new TradeOffer(0, List.of(new ItemStack("iron_sword", 1))));
    t.offer("ben", new TradeOffer(2_500, List.of(new ItemStack("iron_ore", 20))));
    t.confirm("ann", t.version());
    t.confirm("ben", t.version());
    return t;
  }

  @Test
  void changingAnOfferResetsBothConfirmations() {
    TradeSession t = new TradeSession("t1", "ann", "ben", CATALOG);
    t.offer("ann", new TradeOffer(100, List.of()));
    t.confirm("ann", t.version());
    assertThat(t.confirmedBy("ann")).isTrue();
    long seen = t.version();
    t.offer("ben", new TradeOffer(0, List.of(new ItemStack("iron_ore", 5))));
    assertThat(t.confirmedBy("ann")).isFalse();
    assertThat(Errors.of(() -> t.confirm("ann", seen))).isEqualTo(MarketError.OFFER_CHANGED);
    t.confirm("ann", t.version());
    assertThat(t.state()).isEqualTo(TradeSession.State.NEGOTIATING);
    t.confirm("ben", t.version());
    assertThat(t.state()).isEqualTo(TradeSession.State.LOCKED);
    assertThat(Errors.of(() -> t.offer("ann", TradeOffer.EMPTY)))
        .isEqualTo(MarketError.TRADE_STATE);
  }

  @Test
  void refusesStrangersSelfTradesUntradeableItemsAndEmptyTrades() {
    TradeSession t = new TradeSession("t1", "ann", "ben", CATALOG);
    assertThat(Errors.of(() -> t.offer("eve", TradeOffer.EMPTY))).isEqualTo(MarketError.NOT_OWNER);
    assertThat(Errors.of(() -> new TradeSession("t2", "ann", "ann", CATALOG)))
        .isEqualTo(MarketError.SELF_TRADE);
    assertThat(
            Errors.of(
                () ->
                    t.offer(
                        "ann",
                        new TradeOffer(0, List.of(new ItemStack("band_of_the_first_tide", 1))))))
        .isEqualTo(MarketError.NOT_TRADEABLE);
    assertThat(Errors.of(() -> t.confirm("ann", t.version()))).isEqualTo(MarketError.TRADE_STATE);
    assertThat(Errors.of(t::complete)).isEqualTo(MarketError.TRADE_STATE);
    t.cancel("ben");
    assertThat(t.state()).isEqualTo(TradeSession.State.CANCELLED);
  }

  @Test
  void aLockedTradeEndsOnceCompletedOrAborted() {
    TradeSession done = lockedTrade();
    assertThat(Errors.of(() -> done.cancel("ann"))).isEqualTo(MarketError.TRADE_STATE);
    done.complete();
    assertThat(done.state()).isEqualTo(TradeSession.State.COMPLETED);
    assertThat(Errors.of(done::abort)).isEqualTo(MarketError.TRADE_STATE);
    TradeSession failed = lockedTrade();
    failed.abort();
    assertThat(failed.state()).isEqualTo(TradeSession.State.CANCELLED);
    assertThat(Errors.of(failed::complete)).isEqualTo(MarketError.TRADE_STATE);
  }
}
