package org.bluemarble.market.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.market.MarketException;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.TrustTier;
import org.bluemarble.market.inventory.ItemCatalog;
import org.junit.jupiter.api.Test;

/**
 * An auction house state restored from a snapshot taken after any prefix of its events, then given
 * the remaining events, equals the state built by replaying every event: auctions with their
 * deadlines, standing bids and outcomes, pending auctions and bids, escrow and owed legs. The
 * snapshot also survives the node's serializer.
 */
class AuctionHouseSnapshotTest {
  private static final String MARKET = "capital";
  private static final ItemCatalog CATALOG = ItemCatalog.loadDefault();

  /**
   * kind 0 create, 1 bid (on the target-th auction), 2 let time pass and settle, 3 settle a leg.
   */
  record Op(int kind, int who, long amount, int target, int minutes) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> create =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(0, 3).map(r -> r * 100),
                Arbitraries.integers().between(10, 120))
            .as((w, reserve, minutes) -> new Op(0, w, reserve, 0, minutes));
    Arbitrary<Op> bid =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(50, 500),
                Arbitraries.integers().between(0, 10))
            .as((w, a, t) -> new Op(1, w, a, t, 0));
    Arbitrary<Op> wait = Arbitraries.integers().between(1, 60).map(m -> new Op(2, 0, 0, 0, m));
    Arbitrary<Op> settle = Arbitraries.just(new Op(3, 0, 0, 0, 0));
    return Arbitraries.frequencyOf(
            Tuple.of(2, create), Tuple.of(4, bid), Tuple.of(2, wait), Tuple.of(2, settle))
        .list()
        .ofMinSize(1)
        .ofMaxSize(60);
  }

  /** The events the house would persist for {@code ops} (escrows always taken). */
  static List<AuctionHouse.Event> events(List<Op> ops) {
    AuctionOps plan = new AuctionOps(MARKET, CATALOG, AuctionSettings.DEFAULT, TrustTier.ELITE);
    AuctionHouseState live = new AuctionHouseState(MARKET, MarketSettings.DEFAULT);
    List<String> ids = new ArrayList<>();
    List<AuctionHouse.Event> out = new ArrayList<>();
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    for (Op op : ops) {
      List<AuctionHouse.Event> step = new ArrayList<>();
      try {
        switch (op.kind()) {
          case 0 -> {
            String id = MARKET + ".a" + ids.size();
            ids.add(id);
            var submitted =
                plan.create(
                    live,
                    new AuctionHouse.CreateAuction(
                        id,
                        "s" + op.who(),
                        "silver_ring",
                        1,
                        100,
                        10,
                        op.amount(),
                        op.amount() == 300 ? 450 : 0,
                        Duration.ofMinutes(op.minutes()),
                        null,
                        null),
                    now);
            apply(live, submitted);
            out.add(submitted);
            step.add(new AuctionHouse.AuctionOpened(MARKET, id, now));
          }
          case 1 -> {
            if (op.target() < ids.size()) {
              var b = plan.bid(live, ids.get(op.target()), "b" + op.who(), op.amount(), now);
              apply(live, b);
              out.add(b);
              step.addAll(plan.bidCharged(live, b, now));
            }
          }
          case 2 -> {
            now = now.plus(Duration.ofMinutes(op.minutes()));
            for (String due : live.due(now)) {
              step.add(new AuctionHouse.AuctionSettled(MARKET, due, now));
            }
          }
          default ->
              live.escrow().pendingLegs().stream()
                  .findFirst()
                  .ifPresent(l -> step.add(new AuctionHouse.LegSettled(MARKET, l.key())));
        }
      } catch (MarketException refused) {
        // A refused request persists nothing.
      }
      for (AuctionHouse.Event e : step) {
        apply(live, e);
        out.add(e);
      }
    }
    return out;
  }

  static AuctionHouseState apply(AuctionHouseState s, AuctionHouse.Event e) {
    if (e instanceof AuctionHouse.AuctionSubmitted x) {
      return s.submitted(x);
    } else if (e instanceof AuctionHouse.AuctionOpened x) {
      return s.opened(x);
    } else if (e instanceof AuctionHouse.AuctionRejected x) {
      return s.rejected(x);
    } else if (e instanceof AuctionHouse.BidSubmitted x) {
      return s.bidSubmitted(x);
    } else if (e instanceof AuctionHouse.BidAccepted x) {
      return s.bidAccepted(x);
    } else if (e instanceof AuctionHouse.BidFailed x) {
      return s.bidFailed(x);
    } else if (e instanceof AuctionHouse.AuctionSettled x) {
      return s.settled(x);
    }
    return s.legSettled((AuctionHouse.LegSettled) e);
  }

  @Property(tries = 200)
  void restoringFromASnapshotThenReplayingTheRestEqualsAFullReplay(
      @ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 0, max = 1000) int cut) {
    List<AuctionHouse.Event> events = events(ops);
    int k = cut % (events.size() + 1);

    AuctionHouseState full = new AuctionHouseState(MARKET, MarketSettings.DEFAULT);
    events.forEach(e -> apply(full, e));

    AuctionHouseState prefix = new AuctionHouseState(MARKET, MarketSettings.DEFAULT);
    events.subList(0, k).forEach(e -> apply(prefix, e));
    AuctionHouseState restored =
        AuctionHouseState.restore(MARKET, MarketSettings.DEFAULT, prefix.snapshot());
    events.subList(k, events.size()).forEach(e -> apply(restored, e));

    assertThat(restored.snapshot()).isEqualTo(full.snapshot());
    assertThat(restored.list(null, false, 200)).isEqualTo(full.list(null, false, 200));
    assertThat(restored.summary()).isEqualTo(full.summary());
    for (int i = 0; i < 4; i++) {
      assertThat(restored.openCountOf("s" + i)).isEqualTo(full.openCountOf("s" + i));
    }
  }

  @Test
  void aSnapshotSurvivesTheNodesSerializer() {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ops.add(new Op(0, i, i * 100L, 0, 30 + i * 20));
      ops.add(new Op(1, i, 150 + i * 60L, i, 0));
      ops.add(new Op(1, (i + 1) % 4, 300 + i * 60L, i, 0));
    }
    ops.add(new Op(2, 0, 0, 0, 45));
    AuctionHouseState state = new AuctionHouseState(MARKET, MarketSettings.DEFAULT);
    events(ops).forEach(e -> apply(state, e));
    AuctionHouseSnapshot snapshot = state.snapshot();
    assertThat(snapshot.auctions()).hasSize(4);
    assertThat(snapshot.outcomes()).isNotEmpty();
    assertThat(snapshot.escrow().pending()).isNotEmpty();
    ActorTestKit kit =
        ActorTestKit.create(
            "AuctionHouseSnapshotTest",
            EventSourcedBehaviorTestKit.config()
                .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf")));
    try {
      kit.serializationTestKit().verifySerialization(snapshot, true);
    } finally {
      kit.shutdownTestKit();
    }
  }
}
