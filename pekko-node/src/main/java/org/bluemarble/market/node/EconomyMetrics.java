package org.bluemarble.market.node;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import kamon.Kamon;
import kamon.metric.Counter;
import kamon.tag.TagSet;
import org.bluemarble.edge.port.MarketRefusal;

/**
 * {@code bluemarble_economy_operations_total{kind, outcome}}: the economy's state-changing
 * operations (from HTTP and the game protocol alike) by kind and outcome: {@code ok}, {@code
 * refused} (the economy's rules said no: funds, listing gone, ...) or {@code failed} (timeouts,
 * storage). Series are created once, so counting allocates nothing.
 */
final class EconomyMetrics {
  static final String OPERATIONS = "bluemarble.economy.operations";

  /** The counted operations. */
  enum Kind {
    LISTING_CREATE,
    LISTING_REPRICE,
    LISTING_CANCEL,
    BUY,
    TRADE_OPEN,
    TRADE_OFFER,
    TRADE_CONFIRM,
    TRADE_CANCEL,
    MINT,
    FREEZE
  }

  private static final Map<Kind, Counter[]> COUNTERS = new EnumMap<>(Kind.class);

  static {
    for (Kind kind : Kind.values()) {
      Counter[] byOutcome = new Counter[3];
      String[] outcomes = {"ok", "refused", "failed"};
      for (int i = 0; i < 3; i++) {
        byOutcome[i] =
            Kamon.counter(OPERATIONS, "Economy operations by kind and outcome")
                .withTags(
                    TagSet.of("kind", kind.name().toLowerCase(Locale.ROOT))
                        .withTag("outcome", outcomes[i]));
      }
      COUNTERS.put(kind, byOutcome);
    }
  }

  private EconomyMetrics() {}

  /** Counts {@code stage}'s outcome under {@code kind} once it completes; returns it unchanged. */
  static <T> CompletionStage<T> count(Kind kind, CompletionStage<T> stage) {
    Counter[] byOutcome = COUNTERS.get(kind);
    return stage.whenComplete(
        (value, error) -> {
          if (error == null) {
            byOutcome[0].increment();
          } else {
            Throwable cause =
                error instanceof CompletionException && error.getCause() != null
                    ? error.getCause()
                    : error;
            byOutcome[cause instanceof MarketRefusal ? 1 : 2].increment();
          }
        });
  }
}
