package org.bluemarble.market.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.SerializationSettings;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One player's holdings: legs applied once by key, refusals change nothing, recovery replays. */
class HoldingsTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "HoldingsTest",
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  private EventSourcedBehaviorTestKit<Holdings.Command, Holdings.Event, HoldingsState> kit;

  @BeforeEach
  void setUp() {
    // The state wraps the mutable Inventory; it is stored through the snapshot adapter as a
    // HoldingsSnapshot, so the kit's state check (which serializes the state itself) stays off.
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Holdings.create("p-1", "holdings-0", ItemCatalog.loadDefault(), Clock.systemUTC()),
            new SerializationSettings(true, false, true, true, false));
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private LegReply post(Leg leg) {
    return kit.<LegReply>runCommand(r -> new Holdings.Post(leg, r)).reply();
  }

  private HoldingsView view() {
    return kit.<HoldingsView>runCommand(Holdings.GetHoldings::new).reply();
  }

  @Test
  void aRepostedKeyIsAppliedOnce() {
    Leg in = Leg.in("k1", "p-1", 500, List.of(new ItemStack("iron_sword", 1)));
    assertThat(post(in)).isInstanceOf(LegReply.LegDone.class);
    assertThat(post(in)).isInstanceOf(LegReply.LegDone.class);
    assertThat(view().copper()).isEqualTo(500);
    assertThat(view().items()).containsEntry("iron_sword", 1);
  }

  @Test
  void anOutLegBeyondTheBalanceIsRefusedAndChangesNothing() {
    post(Leg.in("k1", "p-1", 100, List.of()));
    LegReply r = post(Leg.out("k2", "p-1", 101, List.of()));
    assertThat(((LegReply.LegRefused) r).error()).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(view().copper()).isEqualTo(100);
    assertThat(view().legsApplied()).isEqualTo(1);
  }

  @Test
  void anOutLegForMissingItemsIsInsufficientInventory() {
    post(Leg.in("k1", "p-1", 100, List.of()));
    LegReply r = post(Leg.out("k2", "p-1", 10, List.of(new ItemStack("iron_sword", 1))));
    assertThat(((LegReply.LegRefused) r).error()).isEqualTo(MarketError.INSUFFICIENT_INVENTORY);
    assertThat(view().copper()).isEqualTo(100);
  }

  @Test
  void aFrozenPlayerCannotPayButStillReceives() {
    post(Leg.in("k1", "p-1", 100, List.of()));
    kit.<HoldingsView>runCommand(r -> new Holdings.Freeze(true, "fraud check", r));
    LegReply r = post(Leg.out("k2", "p-1", 10, List.of()));
    assertThat(((LegReply.LegRefused) r).error()).isEqualTo(MarketError.TRADING_FROZEN);
    assertThat(post(Leg.in("k3", "p-1", 5, List.of()))).isInstanceOf(LegReply.LegDone.class);
    assertThat(view().copper()).isEqualTo(105);
    assertThat(view().frozenReason()).isEqualTo("fraud check");
  }

  @Test
  void erasingTheHistoryForgetsTheLinesFreezesAndKeepsTheBalancesAfterRecovery() {
    post(Leg.in("k1", "p-1", 300, List.of(new ItemStack("copper_ore", 3))));
    post(Leg.out("k2", "p-1", 100, List.of()));
    HoldingsView erased = kit.<HoldingsView>runCommand(Holdings.EraseHistory::new).reply();
    assertThat(erased.recentLegs()).isEmpty();
    assertThat(erased.frozen()).isTrue();
    assertThat(erased.frozenReason()).isEqualTo(Holdings.ERASED);

    // A leg still in flight (escrow returned by a cancel) moves the balance but leaves no line;
    // paying out stays refused.
    assertThat(post(Leg.in("k3", "p-1", 50, List.of()))).isInstanceOf(LegReply.LegDone.class);
    assertThat(((LegReply.LegRefused) post(Leg.out("k4", "p-1", 10, List.of()))).error())
        .isEqualTo(MarketError.TRADING_FROZEN);
    kit.restart();
    HoldingsView after = view();
    assertThat(after.recentLegs()).isEmpty();
    assertThat(after.copper()).isEqualTo(250);
    assertThat(after.items()).containsEntry("copper_ore", 3);
    assertThat(after.frozen()).isTrue();
    // The keys are still known: a repeat of an applied leg is not applied twice.
    post(Leg.in("k1", "p-1", 300, List.of(new ItemStack("copper_ore", 3))));
    assertThat(view().copper()).isEqualTo(250);
  }

  @Test
  void recoveryRebuildsBalancesItemsAndAppliedKeys() {
    post(Leg.in("k1", "p-1", 300, List.of(new ItemStack("copper_ore", 30))));
    post(Leg.out("k2", "p-1", 100, List.of(new ItemStack("copper_ore", 10))));
    kit.restart();
    assertThat(view().copper()).isEqualTo(200);
    assertThat(view().items()).containsEntry("copper_ore", 20);
    assertThat(post(Leg.out("k2", "p-1", 100, List.of(new ItemStack("copper_ore", 10)))))
        .isInstanceOf(LegReply.LegDone.class);
    assertThat(view().copper()).isEqualTo(200);
    assertThat(view().recentLegs()).extracting(LegLine::key).containsExactly("k2", "k1");
  }

  @Test
  void aRefusedKeyStaysRefusedAfterTheFundsArrive() {
    Leg pay = Leg.out("k-pay", "p-1", 300, List.of());
    assertThat(((LegReply.LegRefused) post(pay)).error()).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    post(Leg.in("k-funds", "p-1", 1_000, List.of()));
    LegReply late = post(pay);
    assertThat(late).isInstanceOf(LegReply.LegRefused.class);
    assertThat(((LegReply.LegRefused) late).error()).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(view().copper()).isEqualTo(1_000);
    kit.restart();
    assertThat(post(pay)).isInstanceOf(LegReply.LegRefused.class);
    assertThat(view().copper()).isEqualTo(1_000);
  }

  @Test
  void recoveryFromASnapshotKeepsBalancesItemsKeysAndTheLedger() {
    int legs = Holdings.SNAPSHOT_EVERY + 7;
    for (int i = 0; i < legs; i++) {
      post(Leg.in("in-" + i, "p-1", 10, List.of(new ItemStack("copper_ore", 1))));
    }
    kit.<HoldingsView>runCommand(r -> new Holdings.Freeze(true, "audit", r));
    post(Leg.out("void-1", "p-1", 1_000_000, List.of()));
    kit.restart();
    HoldingsView v = view();
    assertThat(v.copper()).isEqualTo(10L * legs);
    assertThat(v.items()).containsEntry("copper_ore", legs);
    assertThat(v.legsApplied()).isEqualTo(legs);
    assertThat(v.frozenReason()).isEqualTo("audit");
    assertThat(v.recentLegs()).first().extracting(LegLine::key).isEqualTo("in-" + (legs - 1));
    assertThat(post(Leg.in("in-0", "p-1", 10, List.of()))).isInstanceOf(LegReply.LegDone.class);
    assertThat(post(Leg.out("void-1", "p-1", 1, List.of())))
        .isInstanceOf(LegReply.LegRefused.class);
    assertThat(view().copper()).isEqualTo(10L * legs);
  }

  @Test
  void aLegRepostedAfterMoreThanTheCountWindowOfLaterLegsIsNotAppliedAgain() {
    Leg k = Leg.in("saga:K", "p-1", 1_000, List.of());
    assertThat(post(k)).isInstanceOf(LegReply.LegDone.class);
    int later = HoldingsState.KEY_WINDOW + 1;
    for (int i = 0; i < later; i++) {
      post(Leg.in("later-" + i, "p-1", 1, List.of()));
    }
    assertThat(view().copper()).isEqualTo(1_000L + later);

    // The coordinator had not persisted the answer: it re-posts K.
    assertThat(post(k)).isInstanceOf(LegReply.LegDone.class);
    assertThat(view().copper()).isEqualTo(1_000L + later);
    kit.restart();
    assertThat(post(k)).isInstanceOf(LegReply.LegDone.class);
    assertThat(view().copper()).isEqualTo(1_000L + later);
    assertThat(view().legsApplied()).isEqualTo(1L + later);
  }
}
