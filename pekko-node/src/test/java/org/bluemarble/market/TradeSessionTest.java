package org.bluemarble.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.ledger.Currency;
import org.bluemarble.market.ledger.Ledger;
import org.bluemarble.market.ledger.LedgerAccount;
import org.junit.jupiter.api.Test;

class TradeSessionTest {
  private static final ItemCatalog CATALOG = ItemCatalog.loadDefault();

  private final Ledger ledger = new Ledger(Currency.COPPER);
  private final ItemVault vault = new ItemVault();

  TradeSessionTest() {
    ledger.execute(LedgerAccount.mint(), LedgerAccount.wallet("ann"), 10_000, "seed-ann");
    ledger.execute(LedgerAccount.mint(), LedgerAccount.wallet("ben"), 10_000, "seed-ben");
    vault.give("ann", "iron_sword", 1);
    vault.give("ben", "iron_ore", 50);
  }

  private void run(AssetMove move) {
    if (move instanceof MoneyMove m) {
      ledger.execute(m.from(), m.to(), m.amount(), m.idempotencyKey());
    } else {
      vault.apply((ItemMove) move);
    }
  }

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
    assertThat(Errors.of(() -> t.swapPlan())).isEqualTo(MarketError.TRADE_STATE);
    t.cancel("ben");
    assertThat(t.state()).isEqualTo(TradeSession.State.CANCELLED);
  }

  @Test
  void executingThePlanSwapsBothOffersAtomically() {
    TradeSession t = lockedTrade();
    SwapPlan plan = t.swapPlan();
    assertThat(plan.phase(SwapStep.Phase.ESCROW)).hasSize(3);
    assertThat(plan.phase(SwapStep.Phase.RELEASE)).hasSize(3);
    assertThat(plan.steps().stream().map(s -> s.action().idempotencyKey()).distinct()).hasSize(6);
    plan.steps().forEach(s -> run(s.action()));
    t.complete();
    assertThat(ledger.balance(LedgerAccount.wallet("ann"))).isEqualTo(12_500);
    assertThat(ledger.balance(LedgerAccount.wallet("ben"))).isEqualTo(7_500);
    assertThat(vault.of(ItemHolder.player("ben"), "iron_sword")).isEqualTo(1);
    assertThat(vault.of(ItemHolder.player("ann"), "iron_ore")).isEqualTo(20);
    assertThat(vault.of(ItemHolder.player("ben"), "iron_ore")).isEqualTo(30);
    assertThat(ledger.invariantHolds()).isTrue();
  }

  @Test
  void resumingAfterACrashRepeatsNoStep() {
    SwapPlan plan = lockedTrade().swapPlan();
    for (int crashAfter = 0; crashAfter <= plan.steps().size(); crashAfter++) {
      TradeSessionTest fresh = new TradeSessionTest();
      plan.steps().stream().limit(crashAfter).forEach(s -> fresh.run(s.action()));
      plan.steps().forEach(s -> fresh.run(s.action()));
      assertThat(fresh.ledger.balance(LedgerAccount.wallet("ann"))).isEqualTo(12_500);
      assertThat(fresh.vault.of(ItemHolder.player("ann"), "iron_ore")).isEqualTo(20);
      assertThat(fresh.vault.of(ItemHolder.player("ben"), "iron_sword")).isEqualTo(1);
    }
  }

  @Test
  void aFailedEscrowStepIsCompensatedAndBothKeepTheirHoldings() {
    TradeSession t = lockedTrade();
    ledger.execute(LedgerAccount.wallet("ben"), LedgerAccount.burn(), 9_000, "ben-spent-it");
    SwapPlan plan = t.swapPlan();
    List<SwapStep> escrow = plan.phase(SwapStep.Phase.ESCROW);
    int done = 0;
    MarketError failure = null;
    for (SwapStep s : escrow) {
      try {
        run(s.action());
        done++;
      } catch (MarketException e) {
        failure = e.error();
        break;
      }
    }
    assertThat(failure).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    for (int i = done - 1; i >= 0; i--) {
      run(escrow.get(i).compensation());
    }
    t.abort();
    assertThat(t.state()).isEqualTo(TradeSession.State.CANCELLED);
    assertThat(vault.of(ItemHolder.player("ann"), "iron_sword")).isEqualTo(1);
    assertThat(vault.of(t.itemEscrow("ann"), "iron_sword")).isZero();
    assertThat(ledger.balance(LedgerAccount.wallet("ben"))).isEqualTo(1_000);
    assertThat(ledger.balance(t.moneyEscrow("ben"))).isZero();
    assertThat(ledger.invariantHolds()).isTrue();
  }
}
