package org.bluemarble.market.node;

import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.bluemarble.edge.market.PaymentSignature;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.market.Economy;
import org.bluemarble.market.exchange.AuctionHouse;
import org.bluemarble.market.exchange.Exchange;
import org.bluemarble.market.exchange.OrderBookEntity;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.trade.Trade;
import org.bluemarble.market.treasury.Treasury;

/**
 * Starts the economy on a node: reads {@code bluemarble.market}, registers the Holdings, Market,
 * Trade and Treasury entity types and the order books and auction houses (waking the books the
 * journal knows, see {@link OrderBookWaker}), and builds the edge's {@link MarketPort} and the
 * payments webhook's {@link PaymentSignature} (null when no secret is configured: no webhook).
 */
public record EconomyWiring(Economy economy, MarketPort port, PaymentSignature payments) {

  /** The sharded entity types the economy starts. */
  public static final List<EntityTypeKey<?>> ENTITY_KEYS =
      List.of(
          Holdings.ENTITY_KEY,
          Market.ENTITY_KEY,
          Trade.ENTITY_KEY,
          Treasury.ENTITY_KEY,
          OrderBookEntity.ENTITY_KEY,
          AuctionHouse.ENTITY_KEY);

  /** The economy's side of account export and erasure. */
  public AccountEconomyRecords accountRecords() {
    return new AccountEconomyRecords(economy, port);
  }

  /**
   * Lets the market reads answer sales history and prices from {@code index} (the stream's read
   * model) instead of asking every market, while it is caught up.
   */
  public void useSalesIndex(SalesIndex index) {
    if (port instanceof NodeMarketPort node) {
      node.useSalesIndex(index);
    }
  }

  /** Starts the economy with {@code settings}, read once by the node's composition root. */
  public static EconomyWiring start(ActorSystem<?> system, int slices, EconomySettings settings) {
    Economy economy = Economy.start(system, slices, settings.economy());
    Exchange exchange = Exchange.start(system, slices, settings.economy(), settings.auctions());
    OrderBookWaker.wake(system, exchange);
    return new EconomyWiring(
        economy,
        new NodeMarketPort(system, economy, exchange),
        settings.payments().enabled()
            ? new PaymentSignature(
                settings.payments().secret(),
                settings.payments().tolerance(),
                settings.payments().maxCreditPerEvent())
            : null);
  }
}
