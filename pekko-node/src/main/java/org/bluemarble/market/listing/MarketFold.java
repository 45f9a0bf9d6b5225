package org.bluemarble.market.listing;

import java.util.Map;
import java.util.TreeMap;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.replay.EntityFold;
import org.bluemarble.replay.ReplayException;

/**
 * Replay of a {@link Market}: its own state transitions, on a state built with the given economy
 * settings (what-if replays pass changed ones). The view is the snapshot the entity stores.
 */
public final class MarketFold implements EntityFold<MarketState> {
  private final EconomyConfig config;
  private final boolean rerunCharges;

  public MarketFold(EconomyConfig config) {
    this(config, false);
  }

  private MarketFold(EconomyConfig config, boolean rerunCharges) {
    this.config = config;
    this.rerunCharges = rerunCharges;
  }

  /** The rules a what-if may change, as in {@code bluemarble.market}. */
  public static final java.util.List<String> RULES =
      java.util.List.of("listing-fee-basis-points", "transaction-fee-basis-points");

  /**
   * The fold under other fees: the transaction fee of every sale is taken again by the state (it
   * computes it when a purchase is charged), and the listing fee of every listing opened is
   * computed again from its price (the open command's charge). Repricing charges stay as recorded.
   */
  @Override
  public EntityFold<?> withRules(Map<String, String> rules) {
    Map<String, Integer> values = new TreeMap<>();
    values.put("listing-fee-basis-points", config.fees().listingFeeBasisPoints());
    values.put("transaction-fee-basis-points", config.fees().transactionFeeBasisPoints());
    for (Map.Entry<String, String> r : rules.entrySet()) {
      String key = r.getKey().replaceFirst("^bluemarble\\.market\\.", "");
      if (!RULES.contains(key)) {
        throw ReplayException.badRequest(
            "a market what-if can change " + String.join(", ", RULES) + "; not " + r.getKey());
      }
      try {
        values.put(key, Integer.parseInt(r.getValue().trim()));
      } catch (NumberFormatException e) {
        throw ReplayException.badRequest(key + " must be a whole number, was " + r.getValue());
      }
    }
    MarketSettings fees;
    try {
      fees =
          new MarketSettings(
              values.get("listing-fee-basis-points"), values.get("transaction-fee-basis-points"));
    } catch (MarketException e) {
      throw ReplayException.badRequest(e.getMessage());
    }
    return new MarketFold(
        new EconomyConfig(
            fees,
            config.defaultTier(),
            config.markets(),
            config.catalog(),
            config.retryInterval(),
            config.askTimeout()),
        true);
  }

  @Override
  public String entityType() {
    return Market.ENTITY_KEY.name();
  }

  @Override
  public MarketState initial(String entityId) {
    return new MarketState(entityId, config.fees(), config.catalog());
  }

  @Override
  public MarketState apply(MarketState s, Object event) {
    if (event instanceof Market.OpStarted e) {
      return s.started(rerunCharges ? rerun(e) : e);
    } else if (event instanceof Market.OpCharged e) {
      return s.charged(e);
    } else if (event instanceof Market.OpFailed e) {
      return s.failed(e);
    } else if (event instanceof Market.ListingCancelled e) {
      return s.cancelled(e);
    } else if (event instanceof Market.ListingsExpired e) {
      return s.expired(e);
    } else if (event instanceof Market.LegsSettled e) {
      return s.settledAll(e);
    }
    throw new IllegalArgumentException("not a Market event: " + event.getClass().getName());
  }

  /** An open command's charge with the listing fee of this fold's settings. */
  private Market.OpStarted rerun(Market.OpStarted e) {
    MarketOp op = e.op();
    if (op.kind() != MarketOp.Kind.OPEN || op.charge() == null) {
      return e;
    }
    Leg c = op.charge();
    Leg charge =
        new Leg(
            c.key(),
            c.playerId(),
            c.direction(),
            config.fees().listingFee(op.price()),
            c.honor(),
            c.items(),
            c.requireSpace(),
            c.tierCheck());
    return new Market.OpStarted(
        e.marketId(),
        new MarketOp(
            op.opId(),
            op.kind(),
            op.listingId(),
            op.player(),
            op.itemId(),
            op.quantity(),
            op.price(),
            op.durationDays(),
            op.tier(),
            charge,
            op.at()));
  }

  @Override
  public Object view(MarketState s) {
    return s.snapshot();
  }

  @Override
  public Object snapshotView(Object stored) {
    return stored instanceof MarketSnapshot s ? s : null;
  }
}
