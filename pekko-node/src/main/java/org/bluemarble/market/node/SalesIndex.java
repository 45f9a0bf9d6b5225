package org.bluemarble.market.node;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.market.listing.Sale;

/**
 * Sales history and price statistics kept outside the markets (the stream's read model), so the
 * market reads do not ask every market. Each answer is empty while the index is behind the journal:
 * the caller then asks the markets, so a purchase is never missing from a read made right after it.
 */
public interface SalesIndex {
  /** Recent sales of {@code player} (all if null) in every market, newest first. */
  CompletionStage<Optional<List<Sale>>> sales(String player, int limit);

  /** Price statistics of {@code itemId} in each of {@code markets} over the window ending now. */
  CompletionStage<Optional<Map<String, PriceSummary>>> prices(
      String itemId, List<String> markets, Instant now);

  /** No index: every read asks the markets. */
  SalesIndex NONE =
      new SalesIndex() {
        @Override
        public CompletionStage<Optional<List<Sale>>> sales(String player, int limit) {
          return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Optional<Map<String, PriceSummary>>> prices(
            String itemId, List<String> markets, Instant now) {
          return CompletableFuture.completedFuture(Optional.empty());
        }
      };
}
