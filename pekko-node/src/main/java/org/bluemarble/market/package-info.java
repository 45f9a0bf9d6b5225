/**
 * The economy. Read this glossary first; each word names one class.
 *
 * <h2>Who owns what</h2>
 *
 * <ul>
 *   <li><b>Holdings</b> ({@link org.bluemarble.market.holdings.Holdings}): one player's copper
 *       wallet, honor points and inventory; an entity keyed by player id. The only place a player's
 *       money and items ever change.
 *   <li><b>Leg</b> ({@link org.bluemarble.market.holdings.Leg}): one change to one player's
 *       holdings, {@code OUT} (take, all or nothing) or {@code IN} (give), under an idempotency key
 *       that the holdings apply at most once. Every economic act is made of legs.
 *   <li><b>Coordinator</b>: an entity that persists a leg before posting it and re-posts it until
 *       the holdings answer (on a timer and after recovery): {@link
 *       org.bluemarble.market.listing.Market} (buy-now listings of one region), {@link
 *       org.bluemarble.market.exchange.OrderBookEntity} (limit orders of one item in one region),
 *       {@link org.bluemarble.market.exchange.AuctionHouse} (auctions of one region), {@link
 *       org.bluemarble.market.trade.Trade} (a direct swap between two players) and {@link
 *       org.bluemarble.market.treasury.Treasury} (the mint: admin grants and payments, and the
 *       economy's read-only switch).
 *   <li><b>Escrow</b>: what a coordinator holds between a charge leg (taken from a player) and the
 *       legs it then owes (paid out to players). Money is never created or destroyed on the way;
 *       only the treasury mints, and fees stay in the coordinator that charged them.
 * </ul>
 *
 * <h2>Where things are</h2>
 *
 * <p>One package per aggregate, each with its rules, entity, state and replies: {@code holdings},
 * {@code listing}, {@code trade}, {@code exchange} (order books and auctions), {@code treasury};
 * {@code saga} holds what the coordinators share: the leg courier ({@link
 * org.bluemarble.market.saga.LegCourier}), the repeat check ({@link
 * org.bluemarble.market.saga.RepeatCheck}: a retried keyed request is answered like the first,
 * another request under its key is refused), the requesters waiting for an escrow's answer ({@link
 * org.bluemarble.market.saga.ReplyWaiters}) and the notices ({@link
 * org.bluemarble.market.saga.MarketNotices}). {@code journal} holds the group commit ({@link
 * org.bluemarble.market.journal.GroupCommit}: many commands, one journal write, answers after it).
 * The packages depend one way: journal, holdings, saga, the aggregates, node.
 *
 * <p>A coordinator's file holds its protocol (commands, events), its wiring and its command table;
 * the checks and the events it persists are built by a plain class beside it ({@code MarketOps},
 * {@code OrderBookOps}, {@code AuctionOps}); the shapes of ids are {@link
 * org.bluemarble.market.Ids}'.
 *
 * <h2>The rules, as plain Java</h2>
 *
 * <p>{@link org.bluemarble.market.listing.ListingBoard}, {@link
 * org.bluemarble.market.exchange.OrderBook}, {@link org.bluemarble.market.exchange.Auction} and
 * {@link org.bluemarble.market.trade.TradeSession} decide, deterministically and without Pekko; a
 * coordinator wraps one of them. The command handler calls the matching {@code check...} method
 * (throws what the command would, changes nothing), persists the command's arguments (including the
 * time it was given) as the event, and the event handler calls the command method, which on replay
 * yields the same result and the same idempotency keys. A rule's decision is a {@link
 * org.bluemarble.market.Settlement}: the legs it takes from players (OUT), the legs it pays to
 * players (IN) and the fee it keeps; the coordinator owes the IN legs until the holdings
 * acknowledge them. The rules, the coordinators and the holdings speak legs only. Refusals are
 * {@link org.bluemarble.market.MarketException}s carrying a {@link
 * org.bluemarble.market.MarketError}. All money is {@code long} copper ({@link
 * org.bluemarble.market.Money}).
 *
 * <h2>Entry points</h2>
 *
 * <p>{@link org.bluemarble.market.Economy} (holdings, markets, trades, treasury) and {@link
 * org.bluemarble.market.exchange.Exchange} (order books, auctions) ask the sharded entities for the
 * edges and admin tools; {@code market.node} adapts them to the HTTP and game ports. {@link
 * org.bluemarble.market.LedgerAudit} adds everything up for the admin's ledger check.
 *
 * <h2>Decisions</h2>
 *
 * <p>The 5% transaction fee (the companion documents disagree): the seller pays it out of the
 * proceeds, rounded down; the buyer pays exactly the asked price. This holds for listings,
 * order-book fills and auctions alike. Listing fees are rounded up and never refunded.
 */
package org.bluemarble.market;
