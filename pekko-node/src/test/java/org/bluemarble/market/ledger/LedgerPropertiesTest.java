package org.bluemarble.market.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bluemarble.market.MarketException;

class LedgerPropertiesTest {
  record Step(int from, int to, long amount, int key) {}

  private static final List<LedgerAccount> ACCOUNTS =
      List.of(
          LedgerAccount.mint(),
          LedgerAccount.burn(),
          LedgerAccount.feeSink(),
          LedgerAccount.wallet("a"),
          LedgerAccount.wallet("b"),
          LedgerAccount.wallet("c"),
          LedgerAccount.escrow("trade:1"));

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
                Arbitraries.integers().between(0, ACCOUNTS.size() - 1),
                Arbitraries.longs().between(1, 1_000),
                Arbitraries.integers().between(0, 60))
            .as(Step::new);
    return step.list().ofMaxSize(200);
  }

  @Property
  void invariantHoldsToTheCopperAfterAnySequenceOfTransfers(@ForAll("steps") List<Step> steps) {
    Ledger ledger = new Ledger(Currency.COPPER);
    List<Transferred> journal = new ArrayList<>();
    for (Step s : steps) {
      try {
        ledger
            .execute(ACCOUNTS.get(s.from()), ACCOUNTS.get(s.to()), s.amount(), "k" + s.key())
            .ifPresent(journal::add);
      } catch (MarketException refused) {
        // refused transfers must leave no trace; checked by the invariant below
      }
      assertThat(ledger.invariantHolds()).isTrue();
    }
    Ledger replayed = new Ledger(Currency.COPPER);
    journal.forEach(replayed::apply);
    journal.forEach(replayed::apply);
    assertThat(replayed.balances()).isEqualTo(ledger.balances());
    assertThat(replayed.circulating()).isEqualTo(ledger.minted() - ledger.burned());
  }
}
