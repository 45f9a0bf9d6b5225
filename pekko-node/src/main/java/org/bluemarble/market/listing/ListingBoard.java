package org.bluemarble.market.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.Money;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemDefinition;

/**
 * The buy-now listings of one market and their rules.
 *
 * <ul>
 *   <li>Creating a listing charges the listing fee ({@link MarketSettings#listingFee}: 1-5% of the
 *       price, rounded <em>up</em> to the whole copper, non-refundable) from the seller's wallet to
 *       the fee sink and moves the items into the listing's escrow. Durations are 1, 3 or 7 days.
 *       The seller's {@link TrustTier} caps active listings and the price.
 *   <li>Who pays the 5% transaction fee: the companion documents disagree; here the <b>seller</b>
 *       pays it out of the proceeds. The buyer pays exactly the listed price; the seller receives
 *       the price minus the fee, rounded <em>down</em> (in the seller's favour, so a 19c sale pays
 *       no fee).
 *   <li>Cancel (seller only) and expiry return the items; the listing fee stays paid.
 *   <li>Duplicate: re-using a listing id, or the same seller listing the same item, quantity and
 *       price while such a listing is active (a double-submitted form), is {@link
 *       MarketError#DUPLICATE_LISTING}.
 * </ul>
 *
 * Closed listings (sold, cancelled, expired) stay findable until {@value #CLOSED_KEPT} newer ones
 * have closed; then the oldest closed is forgotten (its id no longer answers, and an idempotent
 * retry that old would open a new listing). Without the bound a market's memory, its snapshots and
 * every scan of the board grow with every listing ever made. The bound depends only on the order of
 * closings, so replay and snapshot recovery forget the same listings.
 *
 * <p>A listing past its expiry counts as active for the trust-tier limit until {@link #expireDue}
 * (driven by the entity's timer) closes it, but it can no longer be bought, repriced or cancelled.
 * Every method validates before it changes anything and is deterministic given {@code now}, so the
 * market entity persists the accepted command as its event and replays it here. Not thread-safe.
 */
public final class ListingBoard {
  private final MarketSettings settings;
  private final ListingShelf shelf;

  /** Closed listings kept by default per board. */
  public static final int CLOSED_KEPT = 10_000;

  public ListingBoard(MarketSettings settings) {
    this(settings, CLOSED_KEPT);
  }

  /** A board keeping {@code closedKept} closed listings (tests use small numbers). */
  ListingBoard(MarketSettings settings, int closedKept) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.shelf = new ListingShelf(closedKept);
  }

  /**
   * A board restored from a snapshot: {@code listings} in creation order, whatever their state (as
   * {@link #all()} gave them), and the reprice count of each repriced listing (as {@link
   * #repriceCounts()} gave them).
   */
  public static ListingBoard restore(
      MarketSettings settings,
      List<Listing> listings,
      Map<String, Integer> repriceCounts,
      List<String> closedOrder) {
    return restore(new ListingBoard(settings), listings, repriceCounts, closedOrder);
  }

  /**
   * Fills the empty {@code board}; {@code closedOrder} as {@link #closedOrder()} gave it, or null
   * for a snapshot from before it existed (then creation order stands in for closing order).
   */
  static ListingBoard restore(
      ListingBoard board,
      List<Listing> listings,
      Map<String, Integer> repriceCounts,
      List<String> closedOrder) {
    board.shelf.restore(listings, repriceCounts, closedOrder);
    return board;
  }

  /** Ids of the closed listings still kept, oldest closed first (for snapshots). */
  public List<String> closedOrder() {
    return shelf.closedOrder();
  }

  /** How often each listing was repriced (listings never repriced are absent); a copy. */
  public Map<String, Integer> repriceCounts() {
    return shelf.repriceCounts();
  }

  /**
   * Throws exactly what {@link #create} would throw, changing nothing, so the entity can refuse
   * before it persists; returns the listing fee.
   */
  public long checkCreate(NewListing request, long sellerFunds, long sellerItems) {
    String listingId = request.listingId();
    String seller = request.seller();
    TrustTier tier = request.tier();
    ItemDefinition item = request.item();
    long quantity = request.quantity();
    long price = request.price();
    if (shelf.contains(listingId)) {
      throw new MarketException(
          MarketError.DUPLICATE_LISTING, "listing id '" + listingId + "' already exists");
    }
    if (!item.tradeable()) {
      throw new MarketException(MarketError.NOT_TRADEABLE, item.id() + " cannot be traded");
    }
    if (quantity < 1 || quantity > item.maxStack()) {
      throw new MarketException(
          MarketError.INVALID_QUANTITY,
          "quantity must be 1.." + item.maxStack() + " (one stack), was " + quantity);
    }
    Money.requirePositive("price", price);
    if (price > tier.maxItemValue()) {
      throw new MarketException(
          MarketError.ITEM_VALUE_LIMIT_EXCEEDED,
          "price "
              + Money.format(price)
              + " exceeds "
              + Money.format(tier.maxItemValue())
              + " allowed for "
              + tier);
    }
    List<Listing> active = activeOf(seller);
    if (active.size() >= tier.maxActiveListings()) {
      throw new MarketException(
          MarketError.LISTING_LIMIT_REACHED,
          seller
              + " has "
              + active.size()
              + " active listings, "
              + tier
              + " allows "
              + tier.maxActiveListings());
    }
    for (Listing l : active) {
      if (l.itemId().equals(item.id()) && l.quantity() == quantity && l.price() == price) {
        throw new MarketException(
            MarketError.DUPLICATE_LISTING, "same offer is already listed as '" + l.id() + "'");
      }
    }
    long fee = settings.listingFee(price);
    if (sellerFunds < fee) {
      throw new MarketException(
          MarketError.INSUFFICIENT_FUNDS,
          seller + " has " + Money.format(sellerFunds) + ", listing fee is " + Money.format(fee));
    }
    if (sellerItems < quantity) {
      throw new MarketException(
          MarketError.INSUFFICIENT_INVENTORY,
          seller + " has " + sellerItems + " " + item.id() + ", listing needs " + quantity);
    }
    return fee;
  }

  /**
   * Lists {@code quantity} of {@code item} for {@code price} copper in total. {@code sellerFunds}
   * and {@code sellerItems} are the seller's wallet balance and count of the item as the ledger and
   * inventory report them ({@link MarketError#INSUFFICIENT_FUNDS} for the fee, {@link
   * MarketError#INSUFFICIENT_INVENTORY} for the items).
   */
  public ListingOutcome create(
      NewListing request, long sellerFunds, long sellerItems, Instant now) {
    long fee = checkCreate(request, sellerFunds, sellerItems);
    String listingId = request.listingId();
    String seller = request.seller();
    ItemDefinition item = request.item();
    long quantity = request.quantity();
    long price = request.price();
    ListingDuration duration = request.duration();
    Listing listing =
        new Listing(
            listingId,
            seller,
            item.id(),
            quantity,
            price,
            now,
            now.plus(duration.duration()),
            ListingStatus.ACTIVE,
            null);
    shelf.opened(listing);
    String key = "listing:" + listingId;
    return new ListingOutcome(
        listing,
        Settlement.of(
            List.of(
                Leg.out(key + ":listing-fee", seller, fee, List.of()),
                Leg.out(key + ":escrow", seller, 0, Settlement.stack(item.id(), quantity))),
            List.of(),
            fee));
  }

  /**
   * Buys the whole listing. {@code buyerFunds} is the buyer's wallet balance as the ledger knows
   * it; {@link MarketError#INSUFFICIENT_FUNDS} when below the price. The second of two racing
   * buyers gets {@link MarketError#LISTING_UNAVAILABLE}.
   */
  public ListingOutcome buy(String listingId, String buyer, long buyerFunds, Instant now) {
    Listing listing = checkBuy(listingId, buyer, buyerFunds, now);
    Listing sold = listing.withStatus(ListingStatus.SOLD, buyer);
    shelf.closed(sold);
    long fee = settings.transactionFee(listing.price());
    String key = "listing:" + listingId;
    List<Leg> payouts = new ArrayList<>();
    if (listing.price() - fee > 0) {
      payouts.add(Leg.in(key + ":pay", listing.seller(), listing.price() - fee, List.of()));
    }
    payouts.add(
        Leg.in(key + ":deliver", buyer, 0, Settlement.stack(listing.itemId(), listing.quantity())));
    return new ListingOutcome(
        sold,
        Settlement.of(
            List.of(Leg.out(key + ":charge", buyer, listing.price(), List.of())), payouts, fee));
  }

  /** Throws exactly what {@link #buy} would throw, changing nothing; returns the listing. */
  public Listing checkBuy(String listingId, String buyer, long buyerFunds, Instant now) {
    Listing listing = available(listingId, now);
    if (listing.seller().equals(buyer)) {
      throw new MarketException(MarketError.SELF_TRADE, buyer + " cannot buy their own listing");
    }
    if (buyerFunds < listing.price()) {
      throw new MarketException(
          MarketError.INSUFFICIENT_FUNDS,
          buyer
              + " has "
              + Money.format(buyerFunds)
              + ", price is "
              + Money.format(listing.price()));
    }
    return listing;
  }

  /**
   * Changes the price of an active listing (seller only). A higher price pays the listing fee on
   * the difference of the fees, so listing cheap and repricing does not dodge the fee; a lower
   * price refunds nothing.
   */
  public ListingOutcome reprice(
      String listingId, String seller, TrustTier tier, long price, Instant now) {
    Listing listing = checkReprice(listingId, seller, tier, price, now);
    long extraFee = settings.listingFee(price) - settings.listingFee(listing.price());
    Listing repriced = listing.withPrice(price);
    shelf.changed(repriced);
    int revision = shelf.repriced(listingId);
    List<Leg> charges =
        extraFee <= 0
            ? List.of()
            : List.of(
                Leg.out(
                    "listing:" + listingId + ":reprice:" + revision, seller, extraFee, List.of()));
    return new ListingOutcome(repriced, Settlement.of(charges, List.of(), Math.max(0, extraFee)));
  }

  /** Throws exactly what {@link #reprice} would throw, changing nothing; returns the listing. */
  public Listing checkReprice(
      String listingId, String seller, TrustTier tier, long price, Instant now) {
    Listing listing = ownedAvailable(listingId, seller, now);
    Money.requirePositive("price", price);
    if (price > tier.maxItemValue()) {
      throw new MarketException(
          MarketError.ITEM_VALUE_LIMIT_EXCEEDED,
          "price " + Money.format(price) + " exceeds the limit of " + tier);
    }
    return listing;
  }

  /** Throws exactly what {@link #cancel} would throw, changing nothing; returns the listing. */
  public Listing checkCancel(String listingId, String seller, Instant now) {
    return ownedAvailable(listingId, seller, now);
  }

  /** Cancels an active listing (seller only); the items go back, the listing fee does not. */
  public ListingOutcome cancel(String listingId, String seller, Instant now) {
    Listing listing = ownedAvailable(listingId, seller, now);
    return close(listing, ListingStatus.CANCELLED, ":cancel");
  }

  /** Expires every active listing whose time is up at {@code now}, returning the items. */
  public List<ListingOutcome> expireDue(Instant now) {
    List<ListingOutcome> out = new ArrayList<>();
    for (Listing l : shelf.all()) {
      if (l.status() == ListingStatus.ACTIVE && !now.isBefore(l.expiresAt())) {
        out.add(close(l, ListingStatus.EXPIRED, ":expire"));
      }
    }
    return out;
  }

  private ListingOutcome close(Listing listing, ListingStatus status, String suffix) {
    Listing ended = listing.withStatus(status, null);
    shelf.closed(ended);
    return new ListingOutcome(
        ended,
        Settlement.of(
            List.of(),
            List.of(
                Leg.in(
                    "listing:" + listing.id() + suffix,
                    listing.seller(),
                    0,
                    Settlement.stack(listing.itemId(), listing.quantity()))),
            0));
  }

  private Listing ownedAvailable(String listingId, String seller, Instant now) {
    Listing listing = available(listingId, now);
    if (!listing.seller().equals(seller)) {
      throw new MarketException(
          MarketError.NOT_OWNER, seller + " is not the seller of listing '" + listingId + "'");
    }
    return listing;
  }

  private Listing available(String listingId, Instant now) {
    Listing listing = shelf.find(listingId).orElse(null);
    if (listing == null
        || listing.status() != ListingStatus.ACTIVE
        || !now.isBefore(listing.expiresAt())) {
      throw new MarketException(
          MarketError.LISTING_UNAVAILABLE,
          "listing '"
              + listingId
              + "' is "
              + (listing == null
                  ? "unknown"
                  : listing.status() == ListingStatus.ACTIVE
                      ? "expired"
                      : listing.status().name().toLowerCase(java.util.Locale.ROOT)));
    }
    return listing;
  }

  /** The listing {@code listingId} in whatever state. */
  public Optional<Listing> find(String listingId) {
    return shelf.find(listingId);
  }

  /** Every listing this board knows, in creation order, whatever its state. */
  public List<Listing> all() {
    return shelf.all();
  }

  /** Active listings of {@code seller}. */
  public List<Listing> activeOf(String seller) {
    return shelf.activeOf(seller);
  }

  /** All active listings of {@code itemId}, cheapest unit price first. */
  public List<Listing> activeFor(String itemId) {
    return shelf.activeFor(itemId);
  }
}
