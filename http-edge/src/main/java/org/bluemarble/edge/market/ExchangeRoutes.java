package org.bluemarble.edge.market;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.auth.RateLimiter;
import org.bluemarble.edge.PublicEndpoint;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.ExchangePort;

/**
 * Order books and auctions under {@code /api/marketplace} for the authenticated player: {@code
 * POST/GET /orders}, {@code GET/DELETE /orders/{id}}, {@code GET /orderbook/{itemId}} (depth),
 * {@code POST/GET /auctions}, {@code GET /auctions/{id}}, {@code POST /auctions/{id}/bids} and
 * {@code /buyout}. Writes count against the player's API rate limit ({@link RateLimitKind#API}).
 * Order prices are copper per unit, auction prices copper for the whole lot.
 */
final class ExchangeRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.token(
              "POST", "/api/marketplace/orders", "Place a limit order (Idempotency-Key optional)"),
          PublicEndpoint.token("GET", "/api/marketplace/orders", "The acting player's orders"),
          PublicEndpoint.token("GET", "/api/marketplace/orders/{orderId}", "One order"),
          PublicEndpoint.token(
              "DELETE", "/api/marketplace/orders/{orderId}", "Cancel an order's unfilled rest"),
          PublicEndpoint.token(
              "GET",
              "/api/marketplace/orderbook/{itemId}",
              "An item's order book depth and price statistics"),
          PublicEndpoint.token(
              "POST", "/api/marketplace/auctions", "Start an auction (Idempotency-Key optional)"),
          PublicEndpoint.token("GET", "/api/marketplace/auctions", "Auctions of a market"),
          PublicEndpoint.token("GET", "/api/marketplace/auctions/{auctionId}", "One auction"),
          PublicEndpoint.token(
              "POST", "/api/marketplace/auctions/{auctionId}/bids", "Bid on an auction"),
          PublicEndpoint.token(
              "POST", "/api/marketplace/auctions/{auctionId}/buyout", "Buy an auction out"));

  /** Body of {@code POST /orders}; {@code side} BUY or SELL, {@code price} per unit. */
  public record PlaceOrder(String market, String itemId, String side, Long price, Long quantity) {}

  /** Body of {@code POST /auctions}; only itemId, startPrice and durationMinutes are required. */
  public record CreateAuction(
      String market,
      String itemId,
      Long quantity,
      Long startPrice,
      Long minIncrement,
      Long reservePrice,
      Long buyoutPrice,
      Long durationMinutes) {}

  /** Body of {@code POST /auctions/{id}/bids}. */
  public record PlaceBid(Long amount) {}

  private final ExchangePort exchange;
  private final RateLimiter limiter;

  ExchangeRoutes(ExchangePort exchange, RateLimiter limiter) {
    this.exchange = exchange;
    this.limiter = limiter;
  }

  Route route(String player) {
    return concat(
        pathPrefix("orders", () -> orders(player)),
        path(
            PathMatchers.segment("orderbook").slash(PathMatchers.segment()),
            item ->
                get(
                    () ->
                        parameterOptional(
                            "market",
                            market ->
                                parameterOptional(
                                    "levels",
                                    levels ->
                                        withInt(
                                            "levels",
                                            levels,
                                            20,
                                            100,
                                            n ->
                                                MarketHttp.reply(
                                                    exchange.depth(market.orElse(null), item, n),
                                                    StatusCodes.OK,
                                                    ExchangeViews::depth)))))),
        pathPrefix("auctions", () -> auctions(player)));
  }

  private Route orders(String player) {
    return concat(
        pathEndOrSingleSlash(
            () ->
                concat(
                    post(
                        () ->
                            limited(
                                player,
                                () ->
                                    IdempotencyKeys.optional(
                                        key ->
                                            JsonBodies.read(
                                                PlaceOrder.class, b -> place(player, b, key))))),
                    get(
                        () ->
                            parameterOptional(
                                "itemId",
                                item ->
                                    parameterOptional(
                                        "market", market -> mine(player, item, market)))))),
        path(
            PathMatchers.segment(),
            id ->
                concat(
                    get(
                        () ->
                            MarketHttp.reply(
                                exchange.order(id).thenApply(o -> ownOrThrow(player, o)),
                                StatusCodes.OK,
                                ExchangeViews::order)),
                    delete(
                        () ->
                            limited(
                                player,
                                () ->
                                    MarketHttp.tracedReply(
                                        () -> exchange.cancelOrder(player, id),
                                        StatusCodes.OK,
                                        ExchangeViews::order))))));
  }

  private Route place(String player, PlaceOrder b, String key) {
    if (b.itemId() == null || b.itemId().isBlank()) {
      return MarketHttp.invalid("itemId", "itemId is required");
    }
    if (b.side() == null || !(b.side().equals("BUY") || b.side().equals("SELL"))) {
      return MarketHttp.invalid("side", "side must be BUY or SELL, was " + b.side());
    }
    if (b.price() == null) {
      return MarketHttp.invalid("price", "price (copper per unit) is required");
    }
    if (b.quantity() == null) {
      return MarketHttp.invalid("quantity", "quantity is required");
    }
    return MarketHttp.tracedReply(
        () ->
            exchange.placeOrder(
                player, b.market(), b.itemId(), b.side(), b.price(), b.quantity(), key),
        StatusCodes.CREATED,
        ExchangeViews::order);
  }

  private Route mine(String player, Optional<String> item, Optional<String> market) {
    return MarketHttp.reply(
        exchange.orders(player, market.orElse(null), item.orElse(null), MarketRoutes.MAX_PAGE_SIZE),
        StatusCodes.OK,
        ExchangeViews::orders);
  }

  /** Another player's order is answered like an unknown one. */
  private static ExchangePort.OrderInfo ownOrThrow(String player, ExchangePort.OrderInfo o) {
    if (!o.owner().equals(player)) {
      throw new org.bluemarble.edge.port.MarketRefusal("NOT_FOUND", "no order " + o.orderId());
    }
    return o;
  }

  private Route auctions(String player) {
    return concat(
        pathEndOrSingleSlash(
            () ->
                concat(
                    post(
                        () ->
                            limited(
                                player,
                                () ->
                                    IdempotencyKeys.optional(
                                        key ->
                                            JsonBodies.read(
                                                CreateAuction.class,
                                                b -> create(player, b, key))))),
                    get(this::list))),
        path(
            PathMatchers.segment().slash("bids"),
            id ->
                post(
                    () ->
                        limited(
                            player,
                            () ->
                                JsonBodies.read(
                                    PlaceBid.class,
                                    b ->
                                        b.amount() == null
                                            ? MarketHttp.invalid(
                                                "amount", "amount (copper) is required")
                                            : MarketHttp.tracedReply(
                                                () -> exchange.bid(player, id, b.amount()),
                                                StatusCodes.OK,
                                                ExchangeViews::auction))))),
        path(
            PathMatchers.segment().slash("buyout"),
            id ->
                post(
                    () ->
                        limited(
                            player,
                            () ->
                                MarketHttp.tracedReply(
                                    () -> exchange.buyout(player, id),
                                    StatusCodes.OK,
                                    ExchangeViews::auction)))),
        path(
            PathMatchers.segment(),
            id ->
                get(
                    () ->
                        MarketHttp.reply(
                            exchange.auction(id), StatusCodes.OK, ExchangeViews::auction))));
  }

  private Route create(String player, CreateAuction b, String key) {
    if (b.itemId() == null || b.itemId().isBlank()) {
      return MarketHttp.invalid("itemId", "itemId is required");
    }
    if (b.startPrice() == null) {
      return MarketHttp.invalid("startPrice", "startPrice (copper) is required");
    }
    if (b.durationMinutes() == null) {
      return MarketHttp.invalid("durationMinutes", "durationMinutes (1..10080) is required");
    }
    long start = b.startPrice();
    ExchangePort.AuctionRequest request =
        new ExchangePort.AuctionRequest(
            b.market(),
            b.itemId(),
            orElse(b.quantity(), 1),
            start,
            orElse(b.minIncrement(), Math.max(1, start / 20)),
            orElse(b.reservePrice(), 0),
            orElse(b.buyoutPrice(), 0),
            b.durationMinutes());
    return MarketHttp.tracedReply(
        () -> exchange.createAuction(player, request, key),
        StatusCodes.CREATED,
        ExchangeViews::auction);
  }

  private Route list() {
    return parameterOptional(
        "market",
        market ->
            parameterOptional(
                "itemId",
                item ->
                    parameterOptional(
                        "status",
                        status -> {
                          String st = status.orElse("running");
                          if (!st.equals("running") && !st.equals("all")) {
                            return MarketHttp.invalid(
                                "status", "status must be running or all, was " + st);
                          }
                          return MarketHttp.reply(
                              exchange.auctions(
                                  market.orElse(null),
                                  item.orElse(null),
                                  st.equals("running"),
                                  MarketRoutes.MAX_PAGE_SIZE),
                              StatusCodes.OK,
                              ExchangeViews::auctions);
                        })));
  }

  private static long orElse(Long value, long fallback) {
    return value == null ? fallback : value;
  }

  private static Route withInt(
      String field,
      Optional<String> text,
      int fallback,
      int max,
      java.util.function.IntFunction<Route> in) {
    try {
      return in.apply(MarketRoutes.parse(field, text, fallback, 1, max));
    } catch (IllegalArgumentException e) {
      return MarketHttp.invalid(field, e.getMessage());
    }
  }

  /** Runs {@code inner} if the account's API bucket has a token, else answers 429. */
  private Route limited(String player, Supplier<Route> inner) {
    return AccountLimits.limited(limiter, RateLimitKind.API, player, "marketplace requests", inner);
  }
}
