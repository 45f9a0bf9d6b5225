package org.bluemarble.market.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.bluemarble.market.ItemVault;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.exchange.Order;
import org.bluemarble.market.exchange.OrderBook;
import org.bluemarble.market.exchange.Side;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemDefinition;
import org.bluemarble.market.ledger.Currency;
import org.bluemarble.market.ledger.Ledger;
import org.bluemarble.market.ledger.LedgerAccount;

/**
 * Random listings, purchases, cancels, expiries and order-book orders applied to a real ledger and
 * item holdings: afterwards the ledger invariant holds to the copper and every item exists exactly
 * once (the domain-level half of the cluster chaos test).
 */
class MarketConservationPropertiesTest {
  private static final String MARKET = "market";
  private static final String BOOK = "book";
  private static final AtomicLong FEES = new AtomicLong();

  private static final ItemDefinition ORE = ItemCatalog.loadDefault().get("iron_ore");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final int PLAYERS = 4;
  private static final long START_MONEY = 50_000;
  private static final long START_ORE = 400;

  /** kind: 0 list, 1 buy, 2 cancel listing, 3 order, 4 cancel order, 5 advance time a day. */
  record Op(int kind, int player, int target, long price, int quantity) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 5),
            Arbitraries.integers().between(0, PLAYERS - 1),
            Arbitraries.integers().between(0, 40),
            Arbitraries.longs().between(1, 3_000),
            Arbitraries.integers().between(1, 120))
        .as(Op::new)
        .list()
        .ofMaxSize(250);
  }

  @Property(tries = 200)
  void ledgerBalancesToTheCopperAndEveryItemExistsExactlyOnce(@ForAll("ops") List<Op> ops) {
    Ledger ledger = new Ledger(Currency.COPPER);
    ItemVault vault = new ItemVault();
    for (int p = 0; p < PLAYERS; p++) {
      ledger.execute(LedgerAccount.mint(), LedgerAccount.wallet("p" + p), START_MONEY, "seed" + p);
      vault.give("p" + p, ORE.id(), START_ORE);
    }
    ListingBoard board = new ListingBoard(MarketSettings.DEFAULT);
    OrderBook book = new OrderBook(ORE.id(), 500);
    List<String> listingIds = new ArrayList<>();
    List<Order> orders = new ArrayList<>();
    Instant now = T0;
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      String player = "p" + op.player();
      try {
        switch (op.kind()) {
          case 0 -> {
            NewListing request =
                new NewListing(
                    "l" + i,
                    player,
                    TrustTier.ELITE,
                    ORE,
                    Math.min(op.quantity(), ORE.maxStack()),
                    op.price(),
                    ListingDuration.ONE_DAY);
            ListingOutcome o =
                board.create(
                    request,
                    ledger.balance(LedgerAccount.wallet(player)),
                    vault.of(ItemVault.player(player), ORE.id()),
                    now);
            listingIds.add("l" + i);
            settle(ledger, vault, o.settlement(), MARKET);
          }
          case 1 -> {
            if (listingIds.isEmpty()) {
              continue;
            }
            List<Listing> active = board.activeFor(ORE.id());
            String id =
                active.isEmpty()
                    ? listingIds.get(op.target() % listingIds.size())
                    : active.get(op.target() % active.size()).id();
            settle(
                ledger,
                vault,
                board
                    .buy(id, player, ledger.balance(LedgerAccount.wallet(player)), now)
                    .settlement(),
                MARKET);
          }
          case 2 -> {
            if (listingIds.isEmpty()) {
              continue;
            }
            List<Listing> own = board.activeOf(player);
            String id =
                own.isEmpty()
                    ? listingIds.get(op.target() % listingIds.size())
                    : own.get(op.target() % own.size()).id();
            settle(ledger, vault, board.cancel(id, player, now).settlement(), MARKET);
          }
          case 3 -> {
            Order order =
                new Order(
                    "o" + i,
                    player,
                    op.target() % 2 == 0 ? Side.BUY : Side.SELL,
                    op.price() % 200 + 1,
                    op.quantity());
            long available =
                order.side() == Side.BUY
                    ? ledger.balance(LedgerAccount.wallet(player))
                    : vault.of(ItemVault.player(player), ORE.id());
            settle(ledger, vault, book.place(order, available).settlement(), BOOK);
            orders.add(order);
          }
          case 4 -> {
            if (orders.isEmpty()) {
              continue;
            }
            Order order = orders.get(op.target() % orders.size());
            settle(ledger, vault, book.cancel(order.id(), player), BOOK);
          }
          default -> {
            now = now.plus(Duration.ofDays(1));
            for (ListingOutcome o : board.expireDue(now)) {
              settle(ledger, vault, o.settlement(), MARKET);
            }
          }
        }
        Statistics.label("accepted").collect(op.kind());
      } catch (MarketException refused) {
        // a refused command changes nothing; the checks below prove it
      }
      assertThat(ledger.invariantHolds()).isTrue();
      assertThat(ledger.circulating()).isEqualTo(PLAYERS * START_MONEY);
      assertThat(vault.total(ORE.id())).isEqualTo(PLAYERS * START_ORE);
      assertThat(vault.anyNegative()).isFalse();
    }
    long listed =
        board.all().stream()
            .filter(l -> l.status() == ListingStatus.ACTIVE)
            .mapToLong(Listing::quantity)
            .sum();
    assertThat(vault.of(MARKET, ORE.id())).as("items the market holds").isEqualTo(listed);
    assertThat(ledger.balance(LedgerAccount.escrow(MARKET))).as("copper the market holds").isZero();
  }

  /**
   * Applies a decision's legs through {@code escrow}; the rules checked holdings first, so every
   * leg must succeed.
   */
  private static void settle(Ledger ledger, ItemVault vault, Settlement s, String escrow) {
    ledger.settle(s, LedgerAccount.escrow(escrow), escrow + ":fee:" + FEES.incrementAndGet());
    vault.settle(s, escrow);
  }
}
