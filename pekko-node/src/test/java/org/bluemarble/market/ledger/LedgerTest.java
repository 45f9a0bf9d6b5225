package org.bluemarble.market.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private static final LedgerAccount ALICE = LedgerAccount.wallet("alice");
  private static final LedgerAccount BOB = LedgerAccount.wallet("bob");

  private static MarketError errorOf(Runnable r) {
    try {
      r.run();
    } catch (MarketException e) {
      return e.error();
    }
    throw new AssertionError("expected a MarketException");
  }

  @Test
  void mintingCreatesMoneyAndTheMintGoesNegative() {
    Ledger ledger = new Ledger(Currency.COPPER);
    ledger.execute(LedgerAccount.mint(), ALICE, 500, "reward-1");
    assertThat(ledger.balance(ALICE)).isEqualTo(500);
    assertThat(ledger.balance(LedgerAccount.mint())).isEqualTo(-500);
    assertThat(ledger.minted()).isEqualTo(500);
    assertThat(ledger.circulating()).isEqualTo(500);
    assertThat(ledger.invariantHolds()).isTrue();
  }

  @Test
  void refusesTransferThatWouldMakeAWalletNegativeAndChangesNothing() {
    Ledger ledger = new Ledger(Currency.COPPER);
    ledger.execute(LedgerAccount.mint(), ALICE, 100, "k1");
    assertThat(errorOf(() -> ledger.execute(ALICE, BOB, 101, "k2")))
        .isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(ledger.balance(ALICE)).isEqualTo(100);
    assertThat(ledger.balance(BOB)).isZero();
    assertThat(ledger.isApplied("k2")).isFalse();
  }

  @Test
  void appliesTheSameIdempotencyKeyOnlyOnce() {
    Ledger ledger = new Ledger(Currency.COPPER);
    ledger.execute(LedgerAccount.mint(), ALICE, 100, "k1");
    assertThat(ledger.execute(ALICE, BOB, 40, "pay")).isPresent();
    assertThat(ledger.execute(ALICE, BOB, 40, "pay")).isEmpty();
    Transferred replayed = new Transferred(Currency.COPPER, ALICE, BOB, 40, "pay");
    ledger.apply(replayed);
    assertThat(ledger.balance(BOB)).isEqualTo(40);
    assertThat(ledger.balance(ALICE)).isEqualTo(60);
  }

  @Test
  void refusesAKeyReusedForADifferentTransfer() {
    Ledger ledger = new Ledger(Currency.COPPER);
    ledger.execute(LedgerAccount.mint(), ALICE, 100, "k1");
    assertThat(errorOf(() -> ledger.execute(LedgerAccount.mint(), BOB, 100, "k1")))
        .isEqualTo(MarketError.IDEMPOTENCY_CONFLICT);
  }

  @Test
  void transferDecidesWithoutChangingStateUntilApplied() {
    Ledger ledger = new Ledger(Currency.COPPER);
    Transferred event = ledger.transfer(LedgerAccount.mint(), ALICE, 5, "k").orElseThrow();
    assertThat(ledger.balance(ALICE)).isZero();
    Ledger recovered = new Ledger(Currency.COPPER);
    recovered.apply(event);
    ledger.apply(event);
    assertThat(recovered.balances()).isEqualTo(ledger.balances());
  }

  @Test
  void burningTakesMoneyOutOfCirculationAndKeepsTheInvariant() {
    Ledger ledger = new Ledger(Currency.COPPER);
    ledger.execute(LedgerAccount.mint(), ALICE, 1_000, "k1");
    ledger.execute(ALICE, LedgerAccount.burn(), 300, "k2");
    ledger.execute(ALICE, LedgerAccount.feeSink(), 50, "k3");
    ledger.execute(ALICE, LedgerAccount.escrow("listing:1"), 150, "k4");
    assertThat(ledger.circulating()).isEqualTo(700);
    assertThat(ledger.minted() - ledger.burned()).isEqualTo(700);
    assertThat(ledger.invariantHolds()).isTrue();
  }

  @Test
  void refusesPaymentsIntoTheMintOutOfTheBurnAndToItself() {
    Ledger ledger = new Ledger(Currency.COPPER);
    ledger.execute(LedgerAccount.mint(), ALICE, 100, "k1");
    ledger.execute(ALICE, LedgerAccount.burn(), 10, "k2");
    assertThat(errorOf(() -> ledger.execute(ALICE, LedgerAccount.mint(), 1, "a")))
        .isEqualTo(MarketError.INVALID_ACCOUNT);
    assertThat(errorOf(() -> ledger.execute(LedgerAccount.burn(), ALICE, 1, "b")))
        .isEqualTo(MarketError.INVALID_ACCOUNT);
    assertThat(errorOf(() -> ledger.execute(ALICE, ALICE, 1, "c")))
        .isEqualTo(MarketError.INVALID_ACCOUNT);
    assertThat(errorOf(() -> ledger.execute(ALICE, BOB, 0, "d")))
        .isEqualTo(MarketError.INVALID_AMOUNT);
  }

  @Test
  void honorPointsAreEarnedAndSpentButNeverChangeHands() {
    Ledger honor = new Ledger(Currency.HONOR);
    honor.execute(LedgerAccount.mint(), ALICE, 100, "pvp-1");
    honor.execute(ALICE, LedgerAccount.burn(), 30, "vendor-1");
    assertThat(errorOf(() -> honor.execute(ALICE, BOB, 10, "gift")))
        .isEqualTo(MarketError.NOT_TRADEABLE);
    assertThat(errorOf(() -> honor.execute(ALICE, LedgerAccount.escrow("trade:1"), 10, "t")))
        .isEqualTo(MarketError.NOT_TRADEABLE);
    assertThat(honor.balance(ALICE)).isEqualTo(70);
    assertThat(honor.invariantHolds()).isTrue();
  }

  @Test
  void refusesEventsOfAnotherCurrency() {
    Ledger copper = new Ledger(Currency.COPPER);
    assertThatThrownBy(
            () ->
                copper.apply(new Transferred(Currency.HONOR, LedgerAccount.mint(), ALICE, 1, "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
