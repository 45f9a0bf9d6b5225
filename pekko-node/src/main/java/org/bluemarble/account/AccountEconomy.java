package org.bluemarble.account;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.edge.port.EconomyExport;

/**
 * What account administration needs from the economy for a person's data rights: the records of an
 * account's holders (the account bank, keyed by the account id, and each character) to export, and
 * their erasure. Implemented by the economy's wiring, so the account package does not depend on it.
 */
public interface AccountEconomy {

  /** The holders' wallets, listings, orders, transactions and trades. */
  CompletionStage<EconomyExport> export(List<String> holders);

  /**
   * Cancels the holders' open listings and orders, forgets their ledger lines and freezes their
   * trading for good; completes once every holder is frozen (fails otherwise, so the erasure can be
   * retried before the account is gone).
   */
  CompletionStage<Void> erase(List<String> holders);

  /** For nodes (and tests) without an economy: nothing to export or erase. */
  AccountEconomy NONE =
      new AccountEconomy() {
        @Override
        public CompletionStage<EconomyExport> export(List<String> holders) {
          return CompletableFuture.completedFuture(EconomyExport.EMPTY);
        }

        @Override
        public CompletionStage<Void> erase(List<String> holders) {
          return CompletableFuture.completedFuture(null);
        }
      };
}
