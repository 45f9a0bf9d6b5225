package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bluemarble.account.Account;
import org.bluemarble.market.exchange.AuctionHouse;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.listing.MarketOp;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.player.Player;
import org.bluemarble.player.Position;
import org.junit.jupiter.api.Test;

class DailyFactsTest {
  private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void countsRegistrationsAndCharacters() {
    assertThat(DailyFacts.of(SampleEvents.sample(Account.AccountRegistered.class)))
        .containsExactly(new DailyFacts.Increment("registrations", 1));
    Player.CharacterCreated created =
        new Player.CharacterCreated("p1", "Ann", CharacterClass.values()[0], AT);
    assertThat(DailyFacts.of(created))
        .containsExactly(new DailyFacts.Increment("characters.created", 1));
    assertThat(DailyFacts.activePlayer(created)).isEqualTo("p1");
    assertThat(
            DailyFacts.activePlayer(
                new Player.PositionCheckpointed("p2", new Position(1, 2, 3), AT)))
        .isEqualTo("p2");
    assertThat(DailyFacts.activePlayer(new Player.CharacterRenamed("p3", "Bo"))).isNull();
  }

  @Test
  void economyVolumeIsTheCopperChargedByKind() {
    Leg charge = Leg.out("buy:1", "p1", 250, List.of());
    MarketOp buy =
        new MarketOp("op1", MarketOp.Kind.BUY, "l1", "p1", "iron", 1, 250, 0, null, charge, AT);
    assertThat(DailyFacts.of(new Market.OpStarted("m1", buy)))
        .containsExactly(
            new DailyFacts.Increment("market.buy", 1),
            new DailyFacts.Increment("market.buy.copper", 250));
    AuctionHouse.BidSubmitted bid =
        new AuctionHouse.BidSubmitted("m1", "b1", "a1", "p2", 900, null, AT);
    assertThat(DailyFacts.of(bid))
        .containsExactly(
            new DailyFacts.Increment("auctions.bids", 1),
            new DailyFacts.Increment("auctions.bids.copper", 900));
    assertThat(DailyFacts.of(new Market.ListingsExpired("m1", AT))).isEmpty();
  }
}
