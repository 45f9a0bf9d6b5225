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
import org.bluemarble.market.MarketError;
import org.bluemarble.market.Settlement;
import org.bluemarble.market.holdings.Leg;
import org.junit.jupiter.api.Test;

/**
 * An order book state restored from a snapshot taken after any prefix of its events, then given the
 * remaining events, equals the state built by replaying every event (compared through the snapshot
 * form, which covers the resting orders and their priority, escrow, owed legs, price window,
 * pending, open and closed orders). The snapshot also survives the node's serializer.
 */
class OrderBookSnapshotTest {
  private static final String BOOK = "capital.iron_ore";
  private static final int FEE = 500;

  /** Place (settle < 0, cancelOf < 0), cancel the cancelOf-th order, or settle an owed leg. */
  record Op(boolean buy, long price, long quantity, int owner, boolean rejected, int cancelOf) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> place =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.longs().between(95, 105),
                Arbitraries.longs().between(1, 20),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 9))
            .as((b, p, q, o, r) -> new Op(b, p, q, o, r == 0, -1));
    Arbitrary<Op> cancel =
        Arbitraries.integers().between(0, 60).map(i -> new Op(true, 1, 1, 0, false, i));
    Arbitrary<Op> settle = Arbitraries.just(new Op(true, 1, 1, 0, false, -2));
    return Arbitraries.frequencyOf(Tuple.of(5, place), Tuple.of(1, cancel), Tuple.of(2, settle))
        .list()
        .ofMinSize(1)
        .ofMaxSize(80);
  }

  /** Turns {@code ops} into the events the entity would persist, against a live state. */
  static List<OrderBookEntity.Event> events(List<Op> ops) {
    OrderBookState live = new OrderBookState(BOOK, FEE);
    List<OrderBookEntity.Event> out = new ArrayList<>();
    List<Order> placed = new ArrayList<>();
    Instant at = Instant.parse("2030-01-01T00:00:00Z");
    for (Op op : ops) {
      at = at.plus(Duration.ofMinutes(7));
      List<OrderBookEntity.Event> step = new ArrayList<>();
      if (op.cancelOf() == -2) {
        live.escrow().pendingLegs().stream()
            .findFirst()
            .ifPresent(l -> step.add(new OrderBookEntity.LegSettled(BOOK, l.key())));
      } else if (op.cancelOf() >= 0) {
        if (op.cancelOf() < placed.size()) {
          Order o = placed.get(op.cancelOf());
          if (live.book().find(o.id()).isPresent()) {
            step.add(new OrderBookEntity.OrderCancelled(BOOK, o.id(), o.owner(), at));
          }
        }
      } else {
        Order o =
            new Order(
                BOOK + ".o" + placed.size(),
                "p" + op.owner(),
                op.buy() ? Side.BUY : Side.SELL,
                op.price(),
                op.quantity());
        placed.add(o);
        String key = "book:" + BOOK + ":charge:" + o.id();
        Leg charge =
            o.side() == Side.BUY
                ? Leg.out(key, o.owner(), o.limitPrice() * o.quantity(), List.of())
                : Leg.out(key, o.owner(), 0, Settlement.stack("iron_ore", o.quantity()));
        step.add(new OrderBookEntity.OrderSubmitted(BOOK, o, charge, at));
        step.add(
            op.rejected()
                ? new OrderBookEntity.OrderRejected(
                    BOOK, o.id(), MarketError.INSUFFICIENT_FUNDS, "poor")
                : new OrderBookEntity.OrderAccepted(BOOK, o.id(), at));
      }
      for (OrderBookEntity.Event e : step) {
        apply(live, e);
        out.add(e);
      }
    }
    return out;
  }

  static OrderBookState apply(OrderBookState s, OrderBookEntity.Event e) {
    if (e instanceof OrderBookEntity.OrderSubmitted x) {
      return s.submitted(x);
    } else if (e instanceof OrderBookEntity.OrderAccepted x) {
      return s.accepted(x);
    } else if (e instanceof OrderBookEntity.OrderRejected x) {
      return s.rejected(x);
    } else if (e instanceof OrderBookEntity.OrderCancelled x) {
      return s.cancelled(x);
    }
    return s.settled((OrderBookEntity.LegSettled) e);
  }

  @Property(tries = 200)
  void restoringFromASnapshotThenReplayingTheRestEqualsAFullReplay(
      @ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 0, max = 1000) int cut) {
    List<OrderBookEntity.Event> events = events(ops);
    int k = events.isEmpty() ? 0 : cut % (events.size() + 1);

    OrderBookState full = new OrderBookState(BOOK, FEE);
    events.forEach(e -> apply(full, e));

    OrderBookState prefix = new OrderBookState(BOOK, FEE);
    events.subList(0, k).forEach(e -> apply(prefix, e));
    OrderBookState restored = OrderBookState.restore(BOOK, FEE, prefix.snapshot());
    events.subList(k, events.size()).forEach(e -> apply(restored, e));

    assertThat(restored.snapshot()).isEqualTo(full.snapshot());
    for (String owner : List.of("p0", "p1", "p2", "p3")) {
      assertThat(restored.openCountOf(owner)).isEqualTo(full.openCountOf(owner));
    }
    assertThat(restored.summary()).isEqualTo(full.summary());
  }

  @Test
  void aSnapshotSurvivesTheNodesSerializer() {
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ops.add(new Op(i % 2 == 0, 95 + i % 7, 1 + i % 5, i % 3, i % 11 == 0, -1));
      if (i % 4 == 0) {
        ops.add(new Op(true, 1, 1, 0, false, -2));
      }
    }
    OrderBookState state = new OrderBookState(BOOK, FEE);
    events(ops).forEach(e -> apply(state, e));
    OrderBookSnapshot snapshot = state.snapshot();
    assertThat(snapshot.resting()).isNotEmpty();
    assertThat(snapshot.escrow().pending()).isNotEmpty();
    ActorTestKit kit =
        ActorTestKit.create(
            "OrderBookSnapshotTest",
            EventSourcedBehaviorTestKit.config()
                .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf")));
    try {
      kit.serializationTestKit().verifySerialization(snapshot, true);
    } finally {
      kit.shutdownTestKit();
    }
  }
}
