package org.bluemarble.replay;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bluemarble.account.AccountFold;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.holdings.HoldingsFold;
import org.bluemarble.market.listing.MarketFold;
import org.bluemarble.player.PlayerFold;
import org.bluemarble.zone.ZoneCellFold;

/**
 * The entity types replay can fold into a state, by type name. Other types (UsernameClaim,
 * ExternalLink, OrderBook, AuctionHouse, Trade, Treasury, AuditLog) are listed and their events
 * shown, but have no state at a point.
 */
public final class EntityFolds {
  private final Map<String, EntityFold<?>> byType = new TreeMap<>();

  public EntityFolds(List<EntityFold<?>> folds) {
    folds.forEach(f -> byType.put(f.entityType(), f));
  }

  /** Players, accounts, zone cells, markets and holdings, markets with {@code economy}'s fees. */
  public static EntityFolds standard(EconomyConfig economy) {
    return new EntityFolds(
        List.of(
            new PlayerFold(),
            new AccountFold(),
            new ZoneCellFold(),
            new MarketFold(economy),
            new HoldingsFold(economy.catalog())));
  }

  public Optional<EntityFold<?>> forType(String entityType) {
    return Optional.ofNullable(byType.get(entityType));
  }

  public List<String> types() {
    return List.copyOf(byType.keySet());
  }
}
