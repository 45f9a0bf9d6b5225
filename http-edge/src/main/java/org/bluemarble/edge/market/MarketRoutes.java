package org.bluemarble.edge.market;

import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.RateLimitKind;
import org.bluemarble.auth.RateLimiter;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.PublicEndpoint;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.internal.TraceContext;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.edge.port.TraceScope;

/**
 * The player marketplace under {@code /api/marketplace}, authenticated with the access token:
 * {@code GET/POST /listings}, {@code GET/PATCH/DELETE /listings/{id}}, {@code POST
 * /listings/{id}/buy}, {@code GET /transactions}, {@code GET /prices/{itemId}}, {@code GET
 * /wallet}, direct trades under {@code /trades} (see {@link TradeRoutes}), order books and auctions
 * (see {@link ExchangeRoutes}). Money in requests is copper; answers carry copper and g/s/c text.
 * The seller pays the 5 % transaction fee. Requests act for the account bank, or for the character
 * named by {@code X-Character-Id} (see {@link PlayerAuth}); creating requests take an optional
 * {@code Idempotency-Key} (see {@link IdempotencyKeys}).
 */
public final class MarketRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.token("GET", "/api/marketplace/listings", "Search listings"),
          PublicEndpoint.token(
              "POST", "/api/marketplace/listings", "Create a listing (Idempotency-Key optional)"),
          PublicEndpoint.token("GET", "/api/marketplace/listings/{listingId}", "One listing"),
          PublicEndpoint.token(
              "PATCH", "/api/marketplace/listings/{listingId}", "Reprice a listing"),
          PublicEndpoint.token(
              "DELETE", "/api/marketplace/listings/{listingId}", "Cancel a listing"),
          PublicEndpoint.token(
              "POST",
              "/api/marketplace/listings/{listingId}/buy",
              "Buy a listing (Idempotency-Key optional)"),
          PublicEndpoint.token(
              "GET", "/api/marketplace/transactions", "The acting player's recent transactions"),
          PublicEndpoint.token(
              "GET", "/api/marketplace/prices/{itemId}", "Price statistics of an item"),
          PublicEndpoint.token("GET", "/api/marketplace/wallet", "The acting player's wallet"));

  /** Default and largest page size of a listings search. */
  static final int DEFAULT_PAGE_SIZE = 20;

  static final int MAX_PAGE_SIZE = 200;

  /** Body of {@code POST /listings}; {@code market} null = the first configured market. */
  public record CreateListing(
      String market, String itemId, Long quantity, Long price, Integer durationDays) {}

  /** Body of {@code PATCH /listings/{id}}. */
  public record UpdateListing(Long price) {}

  private final MarketPort market;
  private final RateLimiter limiter;
  private final PlayerAuth auth;
  private final TradeRoutes trades;
  private final ExchangeRoutes exchange;

  /**
   * @param ownership answers whether an {@code X-Character-Id} is one of the token's account's
   *     characters
   */
  public MarketRoutes(
      MarketPort market, TokenService tokens, RateLimiter limiter, CharacterOwnership ownership) {
    this.market = market;
    this.limiter = limiter;
    this.auth = new PlayerAuth(tokens, ownership);
    this.trades = new TradeRoutes(market, limiter);
    this.exchange =
        market.exchange() == null ? null : new ExchangeRoutes(market.exchange(), limiter);
  }

  /** The endpoints of this class, its trades and its order books and auctions. */
  public static List<PublicEndpoint> endpoints() {
    return java.util.stream.Stream.of(ENDPOINTS, TradeRoutes.ENDPOINTS, ExchangeRoutes.ENDPOINTS)
        .flatMap(List::stream)
        .toList();
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("api").slash("marketplace"),
        () ->
            auth.player(
                player ->
                    concat(
                        pathPrefix("listings", () -> listings(player)),
                        path(
                            "transactions",
                            () ->
                                get(
                                    () ->
                                        parameterOptional(
                                            "limit",
                                            limit ->
                                                withInt(
                                                    "limit",
                                                    limit,
                                                    50,
                                                    n ->
                                                        MarketHttp.reply(
                                                            market.transactions(player, n),
                                                            StatusCodes.OK,
                                                            MarketViews::transactions))))),
                        path(
                            PathMatchers.segment("prices").slash(PathMatchers.segment()),
                            item ->
                                get(
                                    () ->
                                        MarketHttp.reply(
                                            market.prices(item),
                                            StatusCodes.OK,
                                            p -> MarketViews.prices(item, p)))),
                        path(
                            "wallet",
                            () ->
                                get(
                                    () ->
                                        MarketHttp.reply(
                                            market.wallet(player),
                                            StatusCodes.OK,
                                            MarketViews::wallet))),
                        pathPrefix("trades", () -> trades.route(player)),
                        exchange == null ? reject() : exchange.route(player))));
  }

  /** Listing writes spend the account's API bucket, as order and auction writes do. */
  private Route limitedWrite(String player, java.util.function.Supplier<Route> inner) {
    return AccountLimits.limited(limiter, RateLimitKind.API, player, "marketplace requests", inner);
  }

  private Route listings(String player) {
    return concat(
        pathEndOrSingleSlash(
            () ->
                concat(
                    get(this::search),
                    post(
                        () ->
                            limitedWrite(
                                player,
                                () ->
                                    IdempotencyKeys.optional(
                                        key ->
                                            JsonBodies.read(
                                                CreateListing.class,
                                                b -> create(player, b, key))))))),
        path(
            PathMatchers.segment().slash("buy"),
            id ->
                post(
                    () ->
                        IdempotencyKeys.optional(
                            key ->
                                limitedWrite(
                                    player,
                                    () ->
                                        TraceContext.current(
                                            trace ->
                                                MarketHttp.reply(
                                                    TraceScope.call(
                                                        trace.traceId(),
                                                        () -> market.buy(player, id, key)),
                                                    StatusCodes.OK,
                                                    MarketViews::listing)))))),
        path(
            PathMatchers.segment(),
            id ->
                concat(
                    get(
                        () ->
                            MarketHttp.reply(
                                market.listing(id), StatusCodes.OK, MarketViews::listing)),
                    patch(
                        () ->
                            JsonBodies.read(
                                UpdateListing.class,
                                b ->
                                    b.price() == null
                                        ? MarketHttp.invalid("price", "price (copper) is required")
                                        : MarketHttp.tracedReply(
                                            () -> market.reprice(player, id, b.price()),
                                            StatusCodes.OK,
                                            MarketViews::listing))),
                    delete(
                        () ->
                            MarketHttp.tracedReply(
                                () -> market.cancel(player, id),
                                StatusCodes.OK,
                                MarketViews::listing)))));
  }

  private Route create(String player, CreateListing b, String key) {
    if (b.itemId() == null || b.itemId().isBlank()) {
      return MarketHttp.invalid("itemId", "itemId is required");
    }
    if (b.price() == null) {
      return MarketHttp.invalid("price", "price (copper, whole listing) is required");
    }
    long quantity = b.quantity() == null ? 1 : b.quantity();
    int days = b.durationDays() == null ? 3 : b.durationDays();
    return MarketHttp.tracedReply(
        () -> market.createListing(player, b.market(), b.itemId(), quantity, b.price(), days, key),
        StatusCodes.CREATED,
        MarketViews::listing);
  }

  private Route search() {
    return parameterOptional(
        "market",
        mk ->
            parameterOptional(
                "itemId",
                item ->
                    parameterOptional(
                        "seller",
                        seller ->
                            parameterOptional(
                                "status",
                                status ->
                                    parameterOptional(
                                        "minPrice",
                                        min ->
                                            parameterOptional(
                                                "maxPrice",
                                                max ->
                                                    parameterOptional(
                                                        "page",
                                                        page ->
                                                            parameterOptional(
                                                                "pageSize",
                                                                size ->
                                                                    search(
                                                                        mk, item, seller, status,
                                                                        min, max, page,
                                                                        size)))))))));
  }

  private Route search(
      Optional<String> mk,
      Optional<String> item,
      Optional<String> seller,
      Optional<String> status,
      Optional<String> min,
      Optional<String> max,
      Optional<String> page,
      Optional<String> size) {
    try {
      int pageSize = parse("pageSize", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
      int pageNo = parse("page", page, 1, 1, 1_000_000);
      String st = status.orElse("active");
      if (!st.equals("active") && !st.equals("all")) {
        return MarketHttp.invalid("status", "status must be active or all, was " + st);
      }
      MarketPort.ListingFilter filter =
          new MarketPort.ListingFilter(
              mk.orElse(null),
              item.orElse(null),
              seller.orElse(null),
              min.isEmpty() ? null : (long) parse("minPrice", min, 0, 0, Integer.MAX_VALUE),
              max.isEmpty() ? null : (long) parse("maxPrice", max, 0, 0, Integer.MAX_VALUE),
              st.equals("active"),
              (pageNo - 1) * pageSize,
              pageSize);
      return MarketHttp.reply(
          market.listings(filter), StatusCodes.OK, p -> MarketViews.page(p, pageSize));
    } catch (IllegalArgumentException e) {
      return ApiErrors.complete(StatusCodes.BAD_REQUEST, "INVALID_INPUT", e.getMessage());
    }
  }

  static int parse(String field, Optional<String> text, int fallback, int min, int max) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(text.get());
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            field + " must be " + min + ".." + max + ", was " + text.get());
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be an integer, was " + text.get());
    }
  }

  private static Route withInt(
      String field, Optional<String> text, int fallback, java.util.function.IntFunction<Route> in) {
    try {
      return in.apply(parse(field, text, fallback, 1, MAX_PAGE_SIZE));
    } catch (IllegalArgumentException e) {
      return MarketHttp.invalid(field, e.getMessage());
    }
  }
}
