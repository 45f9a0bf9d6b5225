package org.bluemarble.market.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluemarble.market.node.EconomyClusterTest.await;
import static org.bluemarble.market.node.EconomyClusterTest.economyOf;
import static org.bluemarble.market.node.EconomyClusterTest.mint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.market.Economy;
import org.bluemarble.market.LedgerReport;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.holdings.HoldingsView;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.MarketReply;
import org.bluemarble.market.trade.TradeReply;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys hold across nodes: a request retried on another node of the cluster (as a client
 * behind a load balancer would) gets the first request's listing or trade, and the player is
 * charged once, because the entity, not a node, remembers the operation.
 */
// InProcessNode.close() may throw InterruptedException, which these tests let propagate.
@SuppressWarnings("try")
class IdempotentEconomyClusterTest {

  @Test
  void aRetryOnAnotherNodeGetsTheSameListingAndTradeAndChargesOnce() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    try (InProcessNode first = InProcessNode.start(Profile.LOCAL1, db.configOverrides())) {
      Map<String, Object> joining = new HashMap<>(db.configOverrides());
      joining.put(
          "bluemarble.node.seed-nodes",
          List.of("127.0.0.1:" + first.system.address().getPort().get()));
      try (InProcessNode second = InProcessNode.start(Profile.LOCAL1, joining)) {
        Economy a = economyOf(first);
        Economy b = economyOf(second);
        String seller = mint(a, "idem-seller", 1_000, List.of(new ItemStack("hunting_bow", 2)));
        String other = mint(a, "idem-other", 0, List.of(new ItemStack("copper_ore", 1)));

        MarketReply viaA =
            await(a.openListing("harbor", seller, "hunting_bow", 1, 900, 1, "bow-sale-1"));
        MarketReply viaB =
            await(b.openListing("harbor", seller, "hunting_bow", 1, 900, 1, "bow-sale-1"));
        MarketReply changed =
            await(b.openListing("harbor", seller, "hunting_bow", 1, 950, 1, "bow-sale-1"));

        String id = ((MarketReply.ListingDone) viaA).listing().id();
        assertThat(((MarketReply.ListingDone) viaB).listing().id()).isEqualTo(id);
        assertThat(((MarketReply.MarketRefused) changed).error())
            .isEqualTo(MarketError.IDEMPOTENCY_KEY_REUSED);
        HoldingsView h = await(b.holdings(seller));
        assertThat(h.copper()).isEqualTo(1_000 - 18);
        assertThat(h.items()).containsEntry("hunting_bow", 1);

        TradeReply opened = await(a.openTrade(seller, other, "swap-1"));
        TradeReply reopened = await(b.openTrade(seller, other, "swap-1"));
        assertThat(((TradeReply.TradeDone) reopened).trade().tradeId())
            .isEqualTo(((TradeReply.TradeDone) opened).trade().tradeId());
      }
    }
  }

  @Test
  void aRetryAfterTheNodeStoppedAbruptlyGetsTheSameListingFromTheRecoveredMarket()
      throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    Map<String, Object> abrupt = new HashMap<>(db.configOverrides());
    abrupt.put("pekko.coordinated-shutdown.run-by-actor-system-terminate", "off");
    String seller = "idem-restart-seller";
    String firstId;
    InProcessNode doomed = InProcessNode.start(Profile.LOCAL1, abrupt);
    try {
      Economy e = economyOf(doomed);
      mint(e, seller, 1_000, List.of(new ItemStack("hunting_bow", 3)));
      MarketReply answered =
          await(e.openListing("capital", seller, "hunting_bow", 1, 900, 1, "before-crash"));
      firstId = ((MarketReply.ListingDone) answered).listing().id();
      // Sent but not awaited: the node stops while this one may be anywhere in its saga.
      e.openListing("capital", seller, "hunting_bow", 1, 800, 1, "during-crash");
    } finally {
      doomed.system.terminate();
      doomed.system.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    try (InProcessNode heir = InProcessNode.start(Profile.LOCAL1, db.configOverrides())) {
      Economy e = economyOf(heir);
      MarketReply again =
          await(e.openListing("capital", seller, "hunting_bow", 1, 900, 1, "before-crash"));
      MarketReply retried =
          await(e.openListing("capital", seller, "hunting_bow", 1, 800, 1, "during-crash"));

      assertThat(((MarketReply.ListingDone) again).listing().id()).isEqualTo(firstId);
      assertThat(retried).isInstanceOf(MarketReply.ListingDone.class);
      LedgerReport ledger = EconomyClusterTest.settledLedger(heir, e);
      assertThat(ledger.balanced()).as(ledger.toString()).isTrue();
      HoldingsView h = await(e.holdings(seller));
      assertThat(h.copper()).isEqualTo(1_000 - 18 - 16);
      assertThat(h.items()).containsEntry("hunting_bow", 1);
    }
  }
}
