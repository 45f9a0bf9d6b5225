package org.bluemarble.market.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.holdings.Leg;

/**
 * Random market histories (opens, buys, reprices, cancels, expiries, charges answered late or
 * refused, legs settled in any order): a snapshot after a random event, restored, plus the later
 * events, shows the same market as replaying them all.
 */
class MarketSnapshotPropertiesTest {
  private static final String M = "capital";
  private static final EconomyConfig CONFIG = EconomyConfig.defaults();

  @Property(tries = 60)
  void aSnapshotAtARandomEventPlusTheRestEqualsAFullReplay(@ForAll long seed) {
    Random r = new Random(seed);
    Instant[] now = {Instant.parse("2030-01-01T00:00:00Z")};
    MarketHistory h = randomHistory(r, now);
    List<Market.Event> events = h.events();
    int cut = r.nextInt(events.size() + 1);
    Instant end = now[0].plus(Duration.ofMinutes(1));
    MarketSnapshotTest.Observed full =
        MarketSnapshotTest.observe(MarketHistory.replay(M, events), end);
    MarketState restored =
        MarketState.restore(
            M, CONFIG.fees(), CONFIG.catalog(), MarketHistory.snapshotAfter(M, events, cut));
    events.subList(cut, events.size()).forEach(e -> MarketHistory.apply(restored, e));
    assertThat(MarketSnapshotTest.observe(restored, end)).isEqualTo(full);
  }

  private static MarketHistory randomHistory(Random r, Instant[] now) {
    MarketHistory h = new MarketHistory(M);
    MarketState live = h.live();
    int next = 0;
    for (int step = 0; step < 80; step++) {
      now[0] = now[0].plus(Duration.ofMinutes(r.nextInt(240)));
      Instant at = now[0];
      try {
        switch (r.nextInt(9)) {
          case 0, 1 -> {
            String item = MarketSnapshotTest.ITEMS.get(r.nextInt(3));
            long qty = item.equals("iron_sword") ? 1 : 1 + r.nextInt(20);
            String id = M + ".l" + next++;
            String seller = "s-" + r.nextInt(4);
            int days = new int[] {1, 3, 7}[r.nextInt(3)];
            long price = 100 + r.nextInt(5_000);
            if (r.nextBoolean()) {
              h.open(id, seller, item, qty, price, days, at);
            } else {
              h.startOpen(id, seller, item, qty, price, days, at);
            }
          }
          case 2, 3 -> {
            Listing l = pick(r, free(live));
            if (l != null && r.nextBoolean()) {
              h.buy(l.id(), "b-" + r.nextInt(3), at);
            } else if (l != null) {
              h.startBuy(l.id(), "b-" + r.nextInt(3), at);
            }
          }
          case 4 -> {
            MarketOp op = pick(r, MarketSnapshotTest.toList(live.ops()));
            if (op != null && r.nextInt(4) > 0 && chargeable(live, op)) {
              h.charge(op, at);
            } else if (op != null) {
              h.fail(op, r.nextBoolean());
            }
          }
          case 5 -> {
            Listing l = pick(r, free(live));
            if (l != null) {
              h.reprice(l.id(), l.seller(), 100 + r.nextInt(9_000), at);
            }
          }
          case 6 -> {
            Listing l = pick(r, free(live));
            if (l != null) {
              live.board().checkCancel(l.id(), l.seller(), at);
              h.cancel(l.id(), l.seller(), at);
            }
          }
          case 7 -> {
            if (!live.hasReservations()) {
              h.expire(at);
            }
          }
          default -> {
            Leg leg = pick(r, MarketSnapshotTest.toList(live.pendingLegs()));
            if (leg != null) {
              h.settle(leg.key());
            }
          }
        }
      } catch (MarketException refused) {
        // The market would refuse this step too: nothing was recorded.
      }
    }
    return h;
  }

  /** Whether the market would still apply {@code op}'s charge (it refuses it otherwise). */
  private static boolean chargeable(MarketState live, MarketOp op) {
    try {
      switch (op.kind()) {
        case OPEN -> live.board().checkCreate(live.newListing(op), Long.MAX_VALUE, Long.MAX_VALUE);
        case BUY -> live.board().checkBuy(op.listingId(), op.player(), Long.MAX_VALUE, op.at());
        case REPRICE -> {}
      }
      return true;
    } catch (MarketException e) {
      return false;
    }
  }

  private static List<Listing> free(MarketState live) {
    List<Listing> out = new ArrayList<>();
    for (Listing l : live.board().all()) {
      if (l.status() == ListingStatus.ACTIVE && !live.isReserved(l.id())) {
        out.add(l);
      }
    }
    return out;
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.isEmpty() ? null : from.get(r.nextInt(from.size()));
  }
}
