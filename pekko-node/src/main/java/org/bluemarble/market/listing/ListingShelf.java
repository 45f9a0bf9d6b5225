package org.bluemarble.market.listing;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.MarketException;

/**
 * The listings a {@link ListingBoard} keeps and how it finds them: every listing in creation order,
 * each seller's active ones, the closed ones still kept (oldest closed first, the oldest forgotten
 * beyond the bound) and the reprice count of each listing. The board decides; the shelf only
 * stores, indexes and forgets. Not thread-safe.
 */
final class ListingShelf {
  private final Map<String, Listing> listings = new LinkedHashMap<>();

  /** Reprices per listing, numbering the fee keys so each reprice is charged once. */
  private final Map<String, Integer> reprices = new HashMap<>();

  /**
   * Ids of each seller's active listings in creation order: opening a listing checks the seller's
   * active ones (tier limit, duplicate offer), and scanning the whole shelf for that would cost
   * every opening a pass over all the closed listings kept.
   */
  private final Map<String, Set<String>> activeBySeller = new HashMap<>();

  /** Ids of the closed listings still kept, oldest closed first. */
  private final ArrayDeque<String> closed = new ArrayDeque<>();

  private final int closedKept;

  ListingShelf(int closedKept) {
    if (closedKept < 1) {
      throw new IllegalArgumentException("closedKept must be >= 1, was " + closedKept);
    }
    this.closedKept = closedKept;
  }

  /**
   * Fills this empty shelf from a snapshot; {@code closedOrder} null for a snapshot from before it
   * existed (then creation order stands in for closing order).
   */
  void restore(
      List<Listing> snapshot, Map<String, Integer> repriceCounts, List<String> closedOrder) {
    for (Listing l : snapshot) {
      if (listings.put(l.id(), l) != null) {
        throw new MarketException(
            MarketError.DUPLICATE_LISTING, "snapshot lists '" + l.id() + "' twice");
      }
      if (l.status() == ListingStatus.ACTIVE) {
        activated(l);
      }
    }
    reprices.putAll(repriceCounts);
    if (closedOrder != null) {
      closed.addAll(closedOrder);
    } else {
      snapshot.stream()
          .filter(l -> l.status() != ListingStatus.ACTIVE)
          .forEach(l -> closed.addLast(l.id()));
    }
  }

  boolean contains(String listingId) {
    return listings.containsKey(listingId);
  }

  /** Keeps the new active {@code listing}. */
  void opened(Listing listing) {
    listings.put(listing.id(), listing);
    activated(listing);
  }

  /** Replaces the listing of the same id, still active, with {@code listing}. */
  void changed(Listing listing) {
    listings.put(listing.id(), listing);
  }

  /** The listing's next reprice number (1 for its first). */
  int repriced(String listingId) {
    return reprices.merge(listingId, 1, Integer::sum);
  }

  /** Keeps {@code listing}, now closed, and forgets the oldest closed beyond the bound. */
  void closed(Listing listing) {
    String listingId = listing.id();
    listings.put(listingId, listing);
    Set<String> active = activeBySeller.get(listing.seller());
    if (active != null && active.remove(listingId) && active.isEmpty()) {
      activeBySeller.remove(listing.seller());
    }
    closed.addLast(listingId);
    while (closed.size() > closedKept) {
      String oldest = closed.pollFirst();
      listings.remove(oldest);
      reprices.remove(oldest);
    }
  }

  private void activated(Listing listing) {
    activeBySeller.computeIfAbsent(listing.seller(), s -> new LinkedHashSet<>()).add(listing.id());
  }

  Optional<Listing> find(String listingId) {
    return Optional.ofNullable(listings.get(listingId));
  }

  List<Listing> all() {
    return List.copyOf(listings.values());
  }

  List<Listing> activeOf(String seller) {
    return activeBySeller.getOrDefault(seller, Set.of()).stream().map(listings::get).toList();
  }

  List<Listing> activeFor(String itemId) {
    return listings.values().stream()
        .filter(l -> l.status() == ListingStatus.ACTIVE && l.itemId().equals(itemId))
        .sorted(
            (a, b) ->
                BigInteger.valueOf(a.price())
                    .multiply(BigInteger.valueOf(b.quantity()))
                    .compareTo(
                        BigInteger.valueOf(b.price()).multiply(BigInteger.valueOf(a.quantity()))))
        .toList();
  }

  Map<String, Integer> repriceCounts() {
    return Map.copyOf(reprices);
  }

  List<String> closedOrder() {
    return List.copyOf(closed);
  }
}
