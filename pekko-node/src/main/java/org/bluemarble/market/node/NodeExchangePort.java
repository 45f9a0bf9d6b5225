package org.bluemarble.market.node;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.bluemarble.edge.port.ExchangePort;
import org.bluemarble.edge.port.MarketRefusal;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.exchange.AuctionReply;
import org.bluemarble.market.exchange.AuctionView;
import org.bluemarble.market.exchange.BookDepth;
import org.bluemarble.market.exchange.BookReply;
import org.bluemarble.market.exchange.Exchange;
import org.bluemarble.market.exchange.OrderView;
import org.bluemarble.market.exchange.Side;

/**
 * The node's {@link ExchangePort}: edge requests to {@link Exchange} calls and the order books' and
 * auction houses' replies to the port's records; refusals become {@link MarketRefusal}s with the
 * {@link MarketError} name as code (an unknown auction or order: {@code NOT_FOUND}).
 */
public final class NodeExchangePort implements ExchangePort {
  private final Exchange exchange;

  public NodeExchangePort(Exchange exchange) {
    this.exchange = exchange;
  }

  @Override
  public CompletionStage<OrderInfo> placeOrder(
      String player,
      String market,
      String itemId,
      String side,
      long limitPrice,
      long quantity,
      String idempotencyKey) {
    return call(
        () ->
            exchange
                .placeOrder(
                    market,
                    player,
                    itemId,
                    Side.valueOf(side),
                    limitPrice,
                    quantity,
                    idempotencyKey)
                .thenApply(NodeExchangePort::orderOrThrow));
  }

  @Override
  public CompletionStage<OrderInfo> cancelOrder(String player, String orderId) {
    return call(
        () -> exchange.cancelOrder(orderId, player).thenApply(NodeExchangePort::orderOrThrow));
  }

  @Override
  public CompletionStage<OrderInfo> order(String orderId) {
    return call(() -> exchange.order(orderId).thenApply(NodeExchangePort::orderOrThrow));
  }

  @Override
  public CompletionStage<List<OrderInfo>> orders(
      String player, String market, String itemId, int limit) {
    if (itemId == null) {
      return call(
          () ->
              exchange
                  .ordersAcrossBooks(market, player, limit)
                  .thenApply(os -> os.stream().map(NodeExchangePort::info).toList()));
    }
    return call(
        () ->
            exchange
                .orders(market, itemId, player, limit)
                .thenApply(
                    r -> {
                      if (r instanceof BookReply.BookRefused refused) {
                        throw refusal(refused.error(), refused.message());
                      }
                      return ((BookReply.OrdersDone) r)
                          .orders().stream().map(NodeExchangePort::info).toList();
                    }));
  }

  @Override
  public CompletionStage<DepthInfo> depth(String market, String itemId, int levels) {
    return call(() -> exchange.depth(market, itemId, levels).thenApply(NodeExchangePort::depth));
  }

  @Override
  public CompletionStage<AuctionInfo> createAuction(
      String seller, AuctionRequest r, String idempotencyKey) {
    return call(
        () -> {
          // The auction house checks the allowed range; this only keeps Duration from overflowing.
          if (r.durationMinutes() < 1 || r.durationMinutes() > 1_000_000) {
            throw new MarketException(
                MarketError.INVALID_DURATION,
                "durationMinutes must be positive, was " + r.durationMinutes());
          }
          return exchange
              .createAuction(
                  r.market(),
                  seller,
                  r.itemId(),
                  r.quantity(),
                  r.startPrice(),
                  r.minIncrement(),
                  r.reservePrice(),
                  r.buyoutPrice(),
                  Duration.ofMinutes(r.durationMinutes()),
                  idempotencyKey)
              .thenApply(NodeExchangePort::auctionOrThrow);
        });
  }

  @Override
  public CompletionStage<AuctionInfo> bid(String player, String auctionId, long amount) {
    return call(
        () -> exchange.bid(auctionId, player, amount).thenApply(NodeExchangePort::auctionOrThrow));
  }

  @Override
  public CompletionStage<AuctionInfo> buyout(String player, String auctionId) {
    return call(
        () -> exchange.buyout(auctionId, player).thenApply(NodeExchangePort::auctionOrThrow));
  }

  @Override
  public CompletionStage<AuctionInfo> auction(String auctionId) {
    return call(() -> exchange.auction(auctionId).thenApply(NodeExchangePort::auctionOrThrow));
  }

  @Override
  public CompletionStage<List<AuctionInfo>> auctions(
      String market, String itemId, boolean runningOnly, int limit) {
    return call(
        () ->
            exchange
                .auctions(market, itemId, runningOnly, limit)
                .thenApply(
                    r -> {
                      if (r instanceof AuctionReply.AuctionRefused refused) {
                        throw refusal(refused.error(), refused.message());
                      }
                      return ((AuctionReply.AuctionsDone) r)
                          .auctions().stream().map(NodeExchangePort::info).toList();
                    }));
  }

  // Translation

  private static <T> CompletionStage<T> call(Supplier<CompletionStage<T>> body) {
    CompletionStage<T> stage;
    try {
      stage = body.get();
    } catch (MarketException e) {
      return CompletableFuture.failedFuture(refusal(e.error(), e.getMessage()));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(new MarketRefusal("INVALID_INPUT", e.getMessage()));
    }
    return stage.exceptionally(
        t -> {
          Throwable cause =
              t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
          if (cause instanceof MarketException e) {
            throw refusal(e.error(), e.getMessage());
          }
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          throw new CompletionException(cause);
        });
  }

  private static MarketRefusal refusal(MarketError error, String message) {
    String code =
        error == MarketError.AUCTION_UNAVAILABLE
                || error == MarketError.ORDER_UNAVAILABLE && message.startsWith("no order")
            ? "NOT_FOUND"
            : error.name();
    return new MarketRefusal(code, message);
  }

  private static OrderInfo orderOrThrow(BookReply reply) {
    if (reply instanceof BookReply.BookRefused r) {
      throw refusal(r.error(), r.message());
    }
    return info(((BookReply.OrderDone) reply).order());
  }

  private static OrderInfo info(OrderView o) {
    return new OrderInfo(
        o.orderId(),
        o.market(),
        o.itemId(),
        o.owner(),
        o.side(),
        o.limitPrice(),
        o.quantity(),
        o.filled(),
        o.remaining(),
        o.status(),
        o.reason(),
        o.at());
  }

  private static DepthInfo depth(BookDepth d) {
    return new DepthInfo(
        d.market(),
        d.itemId(),
        d.bids().stream().map(l -> new LevelInfo(l.price(), l.quantity(), l.orders())).toList(),
        d.asks().stream().map(l -> new LevelInfo(l.price(), l.quantity(), l.orders())).toList(),
        d.prices().lastPrice(),
        d.prices().averagePrice(),
        d.prices().volume(),
        d.prices().trades());
  }

  private static AuctionInfo auctionOrThrow(AuctionReply reply) {
    if (reply instanceof AuctionReply.AuctionRefused r) {
      throw refusal(r.error(), r.message());
    }
    return info(((AuctionReply.AuctionDone) reply).auction());
  }

  private static AuctionInfo info(AuctionView a) {
    return new AuctionInfo(
        a.auctionId(),
        a.market(),
        a.seller(),
        a.itemId(),
        a.quantity(),
        a.startPrice(),
        a.minIncrement(),
        a.buyoutPrice(),
        a.reserveMet(),
        a.highestBidder(),
        a.highestBid(),
        a.bids(),
        a.endsAt(),
        a.status(),
        a.reason());
  }
}
