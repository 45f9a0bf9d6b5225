/**
 * The economy's rules as plain Java, for the Market, Player-inventory and Trade entities to wrap.
 *
 * <p>All money is {@code long} copper ({@link org.bluemarble.market.Money}); every movement is a
 * double-entry transfer in a {@link org.bluemarble.market.ledger.Ledger}. Market rules never touch
 * a ledger or inventory themselves: they return a {@link org.bluemarble.market.Settlement} of
 * {@link org.bluemarble.market.MoneyMove}s and {@link org.bluemarble.market.ItemMove}s, each with
 * an idempotency key, which the entities apply exactly once. Refusals are {@link
 * org.bluemarble.market.MarketException}s carrying a {@link org.bluemarble.market.MarketError}.
 *
 * <p>How an entity wraps these rules: {@link org.bluemarble.market.ledger.Ledger} and {@link
 * org.bluemarble.market.inventory.Inventory} separate deciding (returns an event, changes nothing)
 * from {@code apply(event)}. {@link org.bluemarble.market.ListingBoard}, {@link
 * org.bluemarble.market.orderbook.OrderBook} and {@link org.bluemarble.market.Auction} are
 * deterministic: the command handler calls the matching {@code check...} method (throws what the
 * command would, changes nothing), persists the command's arguments (including the holdings and the
 * time it was given) as the event, and the event handler calls the command method, which on replay
 * yields the same result and the same idempotency keys.
 *
 * <p>Decision on the 5% transaction fee (the companion documents disagree): the seller pays it out
 * of the proceeds, rounded down; the buyer pays exactly the asked price. This holds for listings,
 * order-book fills and auctions alike.
 */
package org.bluemarble.market;
