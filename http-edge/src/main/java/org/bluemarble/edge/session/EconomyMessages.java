package org.bluemarble.edge.session;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.bluemarble.edge.port.ExchangePort;
import org.bluemarble.edge.port.MarketPort;
import org.bluemarble.edge.port.MarketRefusal;
import org.bluemarble.protocol.ProtocolErrors;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.PlaceOrder;

/**
 * The economy's game-protocol messages of one session: wallet, listings, order books, auctions and
 * direct trades, each forwarded to the same {@link MarketPort} the HTTP routes use and answered
 * with its update message (same correlation id) or an Error (CODE_REFUSED with the economy's reason
 * code, CODE_NOT_FOUND, CODE_INVALID_INPUT). After every successful write the player's wallet is
 * pushed (correlation id 0). Answers are sent from the port's threads; {@link SessionOutput} is
 * thread-safe.
 */
final class EconomyMessages {
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final MarketPort market;
  private final SessionOutput out;

  EconomyMessages(MarketPort market, SessionOutput out) {
    this.market = market;
    this.out = out;
  }

  /** Whether {@link #handle} takes messages of this kind. */
  static boolean isEconomy(Envelope.MessageCase kind) {
    return switch (kind) {
      case GET_WALLET,
          SEARCH_LISTINGS,
          CREATE_LISTING,
          BUY_LISTING,
          CANCEL_LISTING,
          PLACE_ORDER,
          CANCEL_ORDER,
          PLACE_BID,
          BUYOUT_AUCTION,
          TRADE_REQUEST,
          TRADE_OFFER_SET,
          TRADE_CONFIRM,
          TRADE_CANCEL ->
          true;
      default -> false;
    };
  }

  /**
   * Handles {@code in} if it is an economy request of {@code player}; false if it is not one. The
   * session passes the entered character, or the account id (the account bank) outside the world.
   */
  boolean handle(long id, String player, Envelope in) {
    switch (in.getMessageCase()) {
      case GET_WALLET ->
          answer(
              id,
              requireMarket().wallet(player),
              (b, w) -> b.setWalletUpdate(EconomyProto.wallet(w)),
              null);
      case SEARCH_LISTINGS -> {
        var s = in.getSearchListings();
        int limit = s.getLimit() == 0 ? 20 : Math.min(s.getLimit(), 200);
        answer(
            id,
            requireMarket()
                .listings(
                    new MarketPort.ListingFilter(
                        blankToNull(s.getMarket()),
                        blankToNull(s.getItemId()),
                        null,
                        null,
                        null,
                        true,
                        s.getOffset(),
                        limit)),
            (b, p) -> b.setListingPage(EconomyProto.page(p)),
            null);
      }
      case CREATE_LISTING -> {
        var c = in.getCreateListing();
        write(
            id,
            player,
            requireMarket()
                .createListing(
                    player,
                    blankToNull(c.getMarket()),
                    c.getItem().getItemId(),
                    c.getItem().getQuantity(),
                    c.getPrice(),
                    c.getDurationDays() == 0 ? 3 : c.getDurationDays(),
                    key(c.getIdempotencyKey())),
            (b, l) -> b.setListingUpdate(EconomyProto.listingUpdate(l)));
      }
      case BUY_LISTING ->
          write(
              id,
              player,
              requireMarket().buy(player, in.getBuyListing().getListingId()),
              (b, l) -> b.setListingUpdate(EconomyProto.listingUpdate(l)));
      case CANCEL_LISTING ->
          write(
              id,
              player,
              requireMarket().cancel(player, in.getCancelListing().getListingId()),
              (b, l) -> b.setListingUpdate(EconomyProto.listingUpdate(l)));
      case PLACE_ORDER -> {
        PlaceOrder o = in.getPlaceOrder();
        if (o.getSide() != PlaceOrder.Side.SIDE_BUY && o.getSide() != PlaceOrder.Side.SIDE_SELL) {
          throw new ProtocolException(
              Error.Code.CODE_INVALID_INPUT, "side must be SIDE_BUY or SIDE_SELL");
        }
        write(
            id,
            player,
            requireExchange()
                .placeOrder(
                    player,
                    blankToNull(o.getMarket()),
                    o.getItemId(),
                    o.getSide() == PlaceOrder.Side.SIDE_BUY ? "BUY" : "SELL",
                    o.getLimitPrice(),
                    o.getQuantity(),
                    key(o.getIdempotencyKey())),
            (b, r) -> b.setOrderUpdate(EconomyProto.order(r)));
      }
      case CANCEL_ORDER ->
          write(
              id,
              player,
              requireExchange().cancelOrder(player, in.getCancelOrder().getOrderId()),
              (b, r) -> b.setOrderUpdate(EconomyProto.order(r)));
      case PLACE_BID ->
          write(
              id,
              player,
              requireExchange()
                  .bid(player, in.getPlaceBid().getAuctionId(), in.getPlaceBid().getAmount()),
              (b, a) -> b.setAuctionUpdate(EconomyProto.auction(a)));
      case BUYOUT_AUCTION ->
          write(
              id,
              player,
              requireExchange().buyout(player, in.getBuyoutAuction().getAuctionId()),
              (b, a) -> b.setAuctionUpdate(EconomyProto.auction(a)));
      case TRADE_REQUEST ->
          answer(
              id,
              requireMarket()
                  .openTrade(
                      player,
                      in.getTradeRequest().getCounterparty(),
                      key(in.getTradeRequest().getIdempotencyKey())),
              (b, t) -> b.setTradeUpdate(EconomyProto.trade(t)),
              null);
      case TRADE_OFFER_SET -> {
        var o = in.getTradeOfferSet();
        answer(
            id,
            requireMarket()
                .offer(
                    o.getTradeId(), player, o.getCopper(), EconomyProto.stacks(o.getItemsList())),
            (b, t) -> b.setTradeUpdate(EconomyProto.trade(t)),
            null);
      }
      case TRADE_CONFIRM ->
          write(
              id,
              player,
              requireMarket()
                  .confirm(
                      in.getTradeConfirm().getTradeId(), player, in.getTradeConfirm().getVersion()),
              (b, t) -> b.setTradeUpdate(EconomyProto.trade(t)));
      case TRADE_CANCEL ->
          answer(
              id,
              requireMarket().cancelTrade(in.getTradeCancel().getTradeId(), player),
              (b, t) -> b.setTradeUpdate(EconomyProto.trade(t)),
              null);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Answers a write and then pushes the player's wallet. */
  private <T> void write(
      long id, String player, CompletionStage<T> stage, BiConsumer<Envelope.Builder, T> set) {
    answer(id, stage, set, player);
  }

  private <T> void answer(
      long id, CompletionStage<T> stage, BiConsumer<Envelope.Builder, T> set, String pushFor) {
    stage.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            out.send(error(id, failure));
            return;
          }
          Envelope.Builder b = Envelope.newBuilder().setCorrelationId(id);
          set.accept(b, value);
          out.send(b.build());
          if (pushFor != null) {
            market
                .wallet(pushFor)
                .thenAccept(
                    w ->
                        out.send(
                            Envelope.newBuilder().setWalletUpdate(EconomyProto.wallet(w)).build()));
          }
        });
  }

  private static Envelope error(long id, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof MarketRefusal r) {
      Error.Code code =
          switch (r.code()) {
            case "NOT_FOUND" -> Error.Code.CODE_NOT_FOUND;
            case "INVALID_INPUT" -> Error.Code.CODE_INVALID_INPUT;
            default -> Error.Code.CODE_REFUSED;
          };
      return Envelope.newBuilder()
          .setCorrelationId(id)
          .setError(
              Error.newBuilder()
                  .setCode(code)
                  .setReason(r.code())
                  .setMessage(r.code() + ": " + r.getMessage()))
          .build();
    }
    return ProtocolErrors.toEnvelope(id, ProtocolErrors.fromThrowable(cause));
  }

  private MarketPort requireMarket() {
    if (market == null) {
      throw new ProtocolException(Error.Code.CODE_NOT_FOUND, "this server has no economy");
    }
    return market;
  }

  private ExchangePort requireExchange() {
    ExchangePort exchange = requireMarket().exchange();
    if (exchange == null) {
      throw new ProtocolException(
          Error.Code.CODE_NOT_FOUND, "this server has no order books or auctions");
    }
    return exchange;
  }

  /** An idempotency key as the HTTP header's rule has it; empty = none. */
  private static String key(String k) {
    if (k.isEmpty()) {
      return null;
    }
    if (!IDEMPOTENCY_KEY.matcher(k).matches()) {
      throw new ProtocolException(
          Error.Code.CODE_INVALID_INPUT,
          "idempotency_key must be 1-64 characters of A-Z, a-z, 0-9, '_' and '-'");
    }
    return k;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
