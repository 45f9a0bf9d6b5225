package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bluemarble.market.exchange.ExchangeKit.await;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.LedgerAudit;
import org.bluemarble.market.LedgerReport;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An auction house restarted in the middle of an auction recovers its deadline (and bids) from the
 * events and settles when the deadline passes: winner paid and served, seller paid less the fee,
 * nothing left in escrow. The house here is spawned directly (market {@code vault}, outside the
 * sharded ones) so the test can restart it; events and messages are checked for serializability on
 * the way.
 */
class AuctionRestartTest {
  private static ExchangeKit kit;

  @BeforeAll
  static void start() {
    kit = new ExchangeKit("AuctionRestartTest");
  }

  @AfterAll
  static void stop() {
    kit.shutdown();
  }

  @Test
  void restartMidAuctionClosesAtTheRecoveredDeadline() {
    EventSourcedBehaviorTestKit<AuctionHouse.Command, AuctionHouse.Event, AuctionHouseState> house =
        EventSourcedBehaviorTestKit.create(
            kit.testKit.system(),
            AuctionHouse.create(
                "vault", "t", EconomyConfig.defaults(), AuctionSettings.DEFAULT, kit.clock),
            EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyState(false));
    String seller = kit.player();
    String alice = kit.player();
    String bob = kit.player();
    kit.grant(seller, 0, List.of(new ItemStack("silver_ring", 1)));
    kit.grant(alice, 3_000, List.of());
    kit.grant(bob, 3_000, List.of());

    AuctionReply created =
        house
            .<AuctionReply>runCommand(
                r ->
                    new AuctionHouse.CreateAuction(
                        "vault.a1",
                        seller,
                        "silver_ring",
                        1,
                        500,
                        50,
                        800,
                        0,
                        Duration.ofHours(2),
                        null,
                        r))
            .reply();
    assertThat(created).as(created.toString()).isInstanceOf(AuctionReply.AuctionDone.class);
    bid(house, "vault.a1", alice, 600);
    bid(house, "vault.a1", bob, 1_000);
    kit.eventually(() -> assertThat(kit.holdings(alice).copper()).isEqualTo(3_000));

    AuctionView before = view(house);
    house.restart();
    AuctionView recovered = view(house);
    assertThat(recovered.status()).isEqualTo("RUNNING");
    assertThat(recovered.endsAt()).isEqualTo(before.endsAt());
    assertThat(recovered.highestBidder()).isEqualTo(bob);

    kit.clock.advance(Duration.ofHours(3));

    kit.eventually(
        () -> {
          AuctionReply r =
              house
                  .<AuctionReply>runCommand(c -> new AuctionHouse.GetAuction("vault.a1", c))
                  .reply();
          assertThat(((AuctionReply.AuctionDone) r).auction().status()).isEqualTo("SOLD");
        });
    kit.eventually(
        () -> {
          assertThat(kit.holdings(bob).items()).containsEntry("silver_ring", 1);
          assertThat(kit.holdings(bob).copper()).isEqualTo(2_000);
          assertThat(kit.holdings(seller).copper()).isEqualTo(1_000 - 50);
          MarketSummary s = house.<MarketSummary>runCommand(AuctionHouse.GetSummary::new).reply();
          assertThat(s.escrowCopper()).isZero();
          assertThat(s.pendingLegs()).isZero();
          assertThat(s.itemsHeld()).isEmpty();
          assertThat(s.feeSink()).isEqualTo(50);
        });
    LedgerReport audit =
        await(new LedgerAudit(kit.economy).check(List.of(seller, alice, bob), List.of()));
    assertThat(audit.circulating() + 50)
        .as("players + the vault's fee == minted")
        .isEqualTo(audit.minted());
  }

  private static AuctionView view(
      EventSourcedBehaviorTestKit<AuctionHouse.Command, AuctionHouse.Event, AuctionHouseState>
          house) {
    AuctionReply r =
        house.<AuctionReply>runCommand(c -> new AuctionHouse.GetAuction("vault.a1", c)).reply();
    return ((AuctionReply.AuctionDone) r).auction();
  }

  private static void bid(
      EventSourcedBehaviorTestKit<AuctionHouse.Command, AuctionHouse.Event, AuctionHouseState>
          house,
      String auctionId,
      String bidder,
      long amount) {
    AuctionReply r =
        house
            .<AuctionReply>runCommand(
                c -> new AuctionHouse.PlaceBid(auctionId, bidder, amount, null, c))
            .reply();
    assertThat(r).as(r.toString()).isInstanceOf(AuctionReply.AuctionDone.class);
  }
}
