package org.bluemarble.edge.market;

import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.auth.RateLimiter;
import org.bluemarble.edge.PublicEndpoint;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.edge.port.MarketRefusal;

/**
 * Direct trades under {@code /api/marketplace/trades}: {@code POST} opens one with {@code
 * counterparty} (trade requests are limited per player, {@link RateLimitKind#TRADE}: 5 a minute by
 * default), {@code GET /{id}}, {@code PUT /{id}/offer}, {@code POST /{id}/confirm} with the offer
 * version seen, {@code DELETE /{id}} walks away before both confirmed. Only the two participants
 * see a trade: another caller's {@code GET} is answered 404 like an unknown id.
 */
final class TradeRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.token(
              "POST", "/api/marketplace/trades", "Offer a trade to another player"),
          PublicEndpoint.token(
              "GET", "/api/marketplace/trades/{tradeId}", "One trade (its participants only)"),
          PublicEndpoint.token("DELETE", "/api/marketplace/trades/{tradeId}", "Cancel a trade"),
          PublicEndpoint.token(
              "PUT",
              "/api/marketplace/trades/{tradeId}/offer",
              "Set the caller's side of the offer"),
          PublicEndpoint.token(
              "POST",
              "/api/marketplace/trades/{tradeId}/confirm",
              "Confirm the offer version the caller saw"));

  /** Body of {@code POST /trades}. */
  public record OpenTrade(String counterparty) {}

  /** Body of {@code PUT /trades/{id}/offer}: copper and item stacks (both optional). */
  public record Offer(Long copper, List<MarketPort.Stack> items) {}

  /** Body of {@code POST /trades/{id}/confirm}. */
  public record Confirm(Long version) {}

  private final MarketPort market;
  private final RateLimiter limiter;

  TradeRoutes(MarketPort market, RateLimiter limiter) {
    this.market = market;
    this.limiter = limiter;
  }

  Route route(String player) {
    return concat(
        pathEndOrSingleSlash(
            () ->
                post(
                    () ->
                        IdempotencyKeys.optional(
                            key -> JsonBodies.read(OpenTrade.class, b -> open(player, b, key))))),
        path(
            PathMatchers.segment().slash("offer"),
            id ->
                put(
                    () ->
                        JsonBodies.read(
                            Offer.class,
                            b ->
                                MarketHttp.reply(
                                    market.offer(
                                        id,
                                        player,
                                        b.copper() == null ? 0 : b.copper(),
                                        b.items() == null ? List.of() : b.items()),
                                    StatusCodes.OK)))),
        path(
            PathMatchers.segment().slash("confirm"),
            id ->
                post(
                    () ->
                        JsonBodies.read(
                            Confirm.class,
                            b ->
                                b.version() == null
                                    ? MarketHttp.invalid("version", "version is required")
                                    : MarketHttp.reply(
                                        market.confirm(id, player, b.version()), StatusCodes.OK)))),
        path(
            PathMatchers.segment(),
            id ->
                concat(
                    get(
                        () ->
                            MarketHttp.reply(
                                market.trade(id).thenApply(t -> participantOrThrow(player, t)),
                                StatusCodes.OK)),
                    delete(
                        () -> MarketHttp.reply(market.cancelTrade(id, player), StatusCodes.OK)))));
  }

  /**
   * A trade is shown to its two participants only; anyone else gets the answer an unknown id gets,
   * so trade ids cannot be probed for who trades with whom.
   */
  static MarketPort.TradeInfo participantOrThrow(String player, MarketPort.TradeInfo t) {
    if (!player.equals(t.first()) && !player.equals(t.second())) {
      throw new MarketRefusal("NOT_FOUND", "no trade " + t.tradeId());
    }
    return t;
  }

  private Route open(String player, OpenTrade b, String key) {
    if (b.counterparty() == null || b.counterparty().isBlank()) {
      return MarketHttp.invalid("counterparty", "counterparty (player id) is required");
    }
    return AccountLimits.limited(
        limiter,
        RateLimitKind.TRADE,
        player,
        "trade requests",
        () ->
            MarketHttp.reply(market.openTrade(player, b.counterparty(), key), StatusCodes.CREATED));
  }
}
