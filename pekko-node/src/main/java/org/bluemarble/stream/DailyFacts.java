package org.bluemarble.stream;

import java.util.List;
import org.bluemarble.account.Account;
import org.bluemarble.market.exchange.AuctionHouse;
import org.bluemarble.market.exchange.OrderBookEntity;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.listing.MarketOp;
import org.bluemarble.market.trade.Trade;
import org.bluemarble.player.Player;
import org.bluemarble.zone.ZoneCell;

/**
 * The analytics rules, pure: what one journal event adds to its day's counters. Economy volume is
 * the copper charged when an operation starts (listing fees, purchases, order escrow, bids), by
 * kind; an operation refused later still counts as attempted volume. Kills are the kill experience
 * the cells grant ({@link PlayerStatsReadModel#killer}).
 */
public final class DailyFacts {
  /** One counter's change. */
  public record Increment(String metric, long delta) {}

  private DailyFacts() {}

  /** The counters {@code event} moves (none for most events). */
  public static List<Increment> of(Object event) {
    if (event instanceof Account.AccountRegistered) {
      return List.of(new Increment("registrations", 1));
    } else if (event instanceof Account.AccountErased) {
      return List.of(new Increment("accounts.erased", 1));
    } else if (event instanceof Player.CharacterCreated) {
      return List.of(new Increment("characters.created", 1));
    } else if (event instanceof ZoneCell.ResourceHarvested e) {
      return List.of(
          new Increment("resources.harvests", 1), new Increment("resources.units", e.amount()));
    } else if (event instanceof Market.OpStarted e) {
      String kind = "market." + e.op().kind().name().toLowerCase(java.util.Locale.ROOT);
      return List.of(new Increment(kind, 1), new Increment(kind + ".copper", copper(e.op())));
    } else if (event instanceof OrderBookEntity.OrderSubmitted e) {
      return List.of(
          new Increment("orders.submitted", 1),
          new Increment("orders.submitted.copper", copper(e.charge())));
    } else if (event instanceof AuctionHouse.AuctionSubmitted) {
      return List.of(new Increment("auctions.submitted", 1));
    } else if (event instanceof AuctionHouse.BidSubmitted e) {
      return List.of(
          new Increment("auctions.bids", 1), new Increment("auctions.bids.copper", e.amount()));
    } else if (event instanceof Trade.TradeOpened) {
      return List.of(new Increment("trades.opened", 1));
    } else if (PlayerStatsReadModel.killer(event) != null) {
      return List.of(
          new Increment("combat.kills", 1),
          new Increment("combat.kills.experience", ((Player.ExperienceGained) event).amount()));
    }
    return List.of();
  }

  /** The character an event shows playing that day (created or moved), or null. */
  public static String activePlayer(Object event) {
    if (event instanceof Player.PositionCheckpointed e) {
      return e.playerId();
    } else if (event instanceof Player.CharacterCreated e) {
      return e.playerId();
    }
    return null;
  }

  private static long copper(MarketOp op) {
    return copper(op.charge());
  }

  private static long copper(Leg charge) {
    return charge == null || charge.direction() != Leg.Direction.OUT ? 0 : charge.copper();
  }
}
