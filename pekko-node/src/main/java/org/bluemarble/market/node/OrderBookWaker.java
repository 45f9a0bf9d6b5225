package org.bluemarble.market.node;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.market.LedgerAudit;
import org.bluemarble.market.exchange.Exchange;
import org.bluemarble.market.exchange.OrderBookEntity;

/**
 * Wakes, at node start, every order book the journal knows, so that a book which owes payouts,
 * refunds or items (or waits for an escrow answer) re-sends them after a restart without waiting
 * for the next request to it. The book ids come from the journal's persistence ids ({@code
 * OrderBook|<market>.<item>}), one query per node start.
 *
 * <p>Why not sharding's remember-entities: it would keep every book ever touched alive on some node
 * for good and add a store write per entity start; a book here recovers, re-sends what it owes and
 * is passivated like any idle entity. The number of books is bounded by markets times catalogue
 * items, so waking all of them is cheap.
 */
public final class OrderBookWaker {
  private static final String PREFIX = OrderBookEntity.ENTITY_KEY.name() + "|";

  private OrderBookWaker() {}

  /** Wakes the books; completes with their ids (logs and completes empty if the query fails). */
  public static CompletionStage<List<String>> wake(ActorSystem<?> system, Exchange exchange) {
    return LedgerAudit.journalIds(system)
        .thenApply(
            ids -> {
              List<String> books =
                  ids.stream()
                      .filter(id -> id.startsWith(PREFIX))
                      .map(id -> id.substring(PREFIX.length()))
                      .toList();
              books.forEach(exchange::wakeBook);
              system.log().info("woke {} order books after start", books.size());
              return books;
            })
        .exceptionally(
            e -> {
              system.log().warn("could not list order books to wake: {}", e.toString());
              return List.of();
            });
  }
}
