package org.bluemarble.market.holdings;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.persistence.testkit.ProcessingSuccess;
import org.apache.pekko.persistence.testkit.WriteEvents;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.bluemarble.market.MarketError;
import org.bluemarble.market.inventory.ItemCatalog;
import org.bluemarble.market.inventory.ItemStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Legs posted to one player's holdings at once are decided in arrival order against the legs before
 * them, persisted together, and replay to the same state.
 */
class HoldingsGroupCommitTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "HoldingsGroupCommitTest",
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final PersistenceTestKit journal = PersistenceTestKit.create(testKit.system());

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static ActorRef<Holdings.Command> spawn(String playerId) {
    return testKit.spawn(
        Holdings.create(playerId, "holdings-0", ItemCatalog.loadDefault(), Clock.systemUTC()));
  }

  /**
   * Starts the holdings and posts {@code legs} from its parent before it can have recovered: the
   * posts wait in its recovery stash and reach it together, so they share one flush.
   */
  private static Spawned spawnWithPosts(
      String playerId, List<Leg> legs, ActorRef<LegReply> replyTo) {
    return spawnWithPosts(playerId, legs, replyTo, List.of());
  }

  private static Spawned spawnWithPosts(
      String playerId, List<Leg> legs, ActorRef<LegReply> replyTo, List<Holdings.Command> after) {
    TestProbe<ActorRef<Holdings.Command>> child = testKit.createTestProbe();
    ActorRef<Void> parent =
        testKit.spawn(
            Behaviors.<Void>setup(
                ctx -> {
                  ActorRef<Holdings.Command> holdings =
                      ctx.spawn(
                          Holdings.create(
                              playerId, "holdings-0", ItemCatalog.loadDefault(), Clock.systemUTC()),
                          "holdings");
                  legs.forEach(leg -> holdings.tell(new Holdings.Post(leg, replyTo)));
                  after.forEach(holdings::tell);
                  child.ref().tell(holdings);
                  return Behaviors.empty();
                }));
    return new Spawned(parent, child.receiveMessage());
  }

  /** The holdings and the parent whose stop stops it. */
  private record Spawned(ActorRef<Void> parent, ActorRef<Holdings.Command> holdings) {}

  @Test
  void legsSentTogetherAreDecidedInOrderAndWrittenTogether() {
    TestProbe<LegReply> replies = testKit.createTestProbe();
    List<Leg> legs = new ArrayList<>();
    legs.add(Leg.in("mint:g1", "p-g1", 100, List.of(new ItemStack("iron_sword", 1))));
    for (int i = 0; i < 5; i++) {
      legs.add(Leg.out("pay-" + i, "p-g1", 30, List.of()));
    }
    legs.add(Leg.out("pay-0", "p-g1", 30, List.of())); // a re-post of an applied key
    legs.add(Leg.out("sword", "p-g1", 0, List.of(new ItemStack("iron_sword", 1))));
    legs.add(Leg.out("sword-again", "p-g1", 0, List.of(new ItemStack("iron_sword", 1))));
    // Hold the journal on a first write (a freeze), so every post arrives while it is under way
    // and waits for the same flush, whatever the scheduling.
    ActorRef<Holdings.Command> holdings = spawn("p-g1");
    TestProbe<HoldingsView> views = testKit.createTestProbe();
    holdings.tell(new Holdings.GetHoldings(views.ref()));
    views.receiveMessage();
    CountDownLatch release = new CountDownLatch(1);
    journal.withPolicy(
        (persistenceId, operation) -> {
          if (persistenceId.equals("Holdings|p-g1") && operation instanceof WriteEvents) {
            awaitQuietly(release);
          }
          return ProcessingSuccess.getInstance();
        });
    try {
      holdings.tell(new Holdings.Freeze(false, "first write", views.ref()));
      legs.forEach(leg -> holdings.tell(new Holdings.Post(leg, replies.ref())));
      // The freeze's write is held until the posts are queued behind it.
      replies.expectNoMessage(Duration.ofMillis(200));
    } finally {
      release.countDown();
    }
    views.receiveMessage();
    List<LegReply> answers = replies.receiveSeveralMessages(legs.size());
    List<String> outcome =
        answers.stream()
            .map(
                r ->
                    r instanceof LegReply.LegRefused f
                        ? f.key() + "=" + f.error()
                        : ((LegReply.LegDone) r).key())
            .toList();
    assertThat(outcome)
        .containsExactly(
            "mint:g1",
            "pay-0",
            "pay-1",
            "pay-2",
            "pay-3=" + MarketError.INSUFFICIENT_FUNDS,
            "pay-4=" + MarketError.INSUFFICIENT_FUNDS,
            "pay-0",
            "sword",
            "sword-again=" + MarketError.INSUFFICIENT_INVENTORY);

    HoldingsView before = view(holdings);
    assertThat(before.copper()).isEqualTo(10);
    assertThat(before.items()).doesNotContainKey("iron_sword");
    assertThat(before.legsApplied()).isEqualTo(5);
    // One journal write for all of them, after the freeze's.
    journal.resetPolicy();
    List<Object> events = journal.persistedInStorage("Holdings|p-g1");
    assertThat(events).hasSize(2);
    assertThat(events.get(0)).isInstanceOf(Holdings.FreezeChanged.class);
    assertThat(events.get(1)).isInstanceOf(Holdings.LegsRecorded.class);

    testKit.stop(holdings);
    HoldingsView replayed = view(spawn("p-g1"));
    assertThat(replayed.copper()).isEqualTo(before.copper());
    assertThat(replayed.items()).isEqualTo(before.items());
    assertThat(replayed.legsApplied()).isEqualTo(before.legsApplied());
    assertThat(replayed.recentLegs()).isEqualTo(before.recentLegs());
  }

  @Test
  void aReadOrAFreezeAfterWaitingPostsComesAfterThem() {
    TestProbe<LegReply> replies = testKit.createTestProbe();
    TestProbe<HoldingsView> views = testKit.createTestProbe();
    spawnWithPosts(
        "p-g3",
        List.of(Leg.in("mint:g3", "p-g3", 100, List.of()), Leg.out("pay", "p-g3", 30, List.of())),
        replies.ref(),
        List.of(
            new Holdings.GetHoldings(views.ref()),
            new Holdings.Freeze(true, "audit", views.ref())));
    replies.receiveSeveralMessages(2);
    assertThat(views.receiveMessage().copper()).as("read after the posts").isEqualTo(70);
    HoldingsView frozen = views.receiveMessage();
    assertThat(frozen.frozen()).isTrue();
    assertThat(frozen.copper()).isEqualTo(70);
  }

  @Test
  void aVoidedKeyStaysRefusedAfterReplayEvenWhenFundsArrive() {
    ActorRef<Holdings.Command> holdings = spawn("p-g2");
    TestProbe<LegReply> replies = testKit.createTestProbe();
    holdings.tell(new Holdings.Post(Leg.out("early", "p-g2", 50, List.of()), replies.ref()));
    holdings.tell(new Holdings.Post(Leg.in("mint:g2", "p-g2", 80, List.of()), replies.ref()));
    replies.receiveSeveralMessages(2);
    testKit.stop(holdings);

    ActorRef<Holdings.Command> again = spawn("p-g2");
    again.tell(new Holdings.Post(Leg.out("early", "p-g2", 50, List.of()), replies.ref()));
    LegReply r = replies.receiveMessage();
    assertThat(r).isInstanceOf(LegReply.LegRefused.class);
    assertThat(((LegReply.LegRefused) r).error()).isEqualTo(MarketError.INSUFFICIENT_FUNDS);
    assertThat(view(again).copper()).isEqualTo(80);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the journal");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HoldingsView view(ActorRef<Holdings.Command> holdings) {
    TestProbe<HoldingsView> probe = testKit.createTestProbe();
    holdings.tell(new Holdings.GetHoldings(probe.ref()));
    return probe.receiveMessage();
  }
}
