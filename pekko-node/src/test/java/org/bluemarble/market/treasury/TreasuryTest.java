package org.bluemarble.market.treasury;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.persistence.testkit.SnapshotMeta;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.PersistenceTestKit;
import org.apache.pekko.persistence.testkit.javadsl.SnapshotTestKit;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.Money;
import org.bluemarble.market.holdings.Holdings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The treasury on its own (holdings through sharding on a one-node cluster, in-memory journal and
 * snapshot store): snapshots carry every mint key and the undelivered legs, so a treasury whose
 * events before the snapshot are gone still answers old keys as repeats; totals never pass
 * MAX_AMOUNT.
 */
class TreasuryTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String PERSISTENCE_ID = "Treasury|" + Treasury.ID;
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          "TreasuryTest",
          ConfigFactory.parseString(
                  """
                  pekko.actor.provider = cluster
                  pekko.remote.artery.canonical.hostname = 127.0.0.1
                  pekko.remote.artery.canonical.port = 0
                  pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                  """)
              .withFallback(EventSourcedBehaviorTestKit.config())
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @BeforeAll
  static void startCluster() {
    Cluster cluster = Cluster.get(testKit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    Holdings.init(testKit.system(), 4, EconomyConfig.defaults().catalog());
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static ActorRef<Treasury.Command> spawn() {
    return testKit.spawn(Treasury.create(EconomyConfig.defaults(), Clock.systemUTC()));
  }

  private static void stop(ActorRef<Treasury.Command> treasury) {
    testKit.stop(treasury, WAIT);
  }

  private static CompletableFuture<Treasury.MintReply> mint(
      ActorRef<Treasury.Command> t, String key, String player, long copper) {
    return AskPattern.<Treasury.Command, Treasury.MintReply>ask(
            t,
            r -> new Treasury.Mint(key, player, copper, 0, List.of(), "test", r),
            WAIT,
            testKit.scheduler())
        .toCompletableFuture();
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static TreasuryStatus status(ActorRef<Treasury.Command> t) throws Exception {
    return get(
        AskPattern.<Treasury.Command, TreasuryStatus>ask(
                t, Treasury.GetStatus::new, WAIT, testKit.scheduler())
            .toCompletableFuture());
  }

  @Test
  void keysSurviveSnapshotsAndTotalsNeverPassMaxAmount() throws Exception {
    ActorRef<Treasury.Command> treasury = spawn();
    String player = "p-" + UUID.randomUUID();
    String firstKey = "first-" + UUID.randomUUID();
    assertThat(get(mint(treasury, firstKey, player, 7)).fresh()).isTrue();
    // Enough mints (each a Minted and a MintDelivered event) for a snapshot.
    List<CompletableFuture<Treasury.MintReply>> more = new ArrayList<>();
    for (int i = 0; i < Treasury.SNAPSHOT_EVERY / 2 + 10; i++) {
      more.add(mint(treasury, "k-" + i + "-" + UUID.randomUUID(), player, 1));
    }
    for (CompletableFuture<Treasury.MintReply> f : more) {
      assertThat(get(f).fresh()).isTrue();
    }
    long minted = 7 + more.size();
    assertThat(status(treasury).mintedCopper()).isEqualTo(minted);
    stop(treasury);

    List<Pair<SnapshotMeta, Object>> snapshots =
        SnapshotTestKit.create(testKit.system()).persistedInStorage(PERSISTENCE_ID);
    assertThat(snapshots).isNotEmpty();
    TreasurySnapshot latest = (TreasurySnapshot) snapshots.get(snapshots.size() - 1).second();
    assertThat(latest.keys()).contains(firstKey);

    // Recovery from the snapshot alone: the events are gone, the key is still a repeat.
    PersistenceTestKit.create(testKit.system()).clearByPersistenceId(PERSISTENCE_ID);
    ActorRef<Treasury.Command> recovered = spawn();
    assertThat(status(recovered).mintedCopper()).isEqualTo(latest.copper()).isGreaterThan(7);
    Treasury.MintReply again = get(mint(recovered, firstKey, player, 7));
    assertThat(again.fresh()).isFalse();
    assertThat(status(recovered).mintedCopper()).isEqualTo(latest.copper());

    // Up to MAX_AMOUNT and not one copper more, also for two mints in one batch.
    long room = Money.MAX_AMOUNT - latest.copper();
    String rich = "p-" + UUID.randomUUID();
    CompletableFuture<Treasury.MintReply> a = mint(recovered, "big-a", rich, room / 2 + 1);
    CompletableFuture<Treasury.MintReply> b = mint(recovered, "big-b", rich, room / 2 + 1);
    List<Treasury.MintReply> both = List.of(get(a), get(b));
    assertThat(both).filteredOn(Treasury.MintReply::fresh).hasSize(1);
    assertThat(both)
        .filteredOn(r -> !r.fresh())
        .singleElement()
        .satisfies(r -> assertThat(r.refusal()).contains("MAX_AMOUNT"));
    long left = Money.MAX_AMOUNT - status(recovered).mintedCopper();
    Treasury.MintReply over = get(mint(recovered, "over", "p-" + UUID.randomUUID(), left + 1));
    assertThat(over.fresh()).isFalse();
    assertThat(over.refusal()).contains("MAX_AMOUNT");
    assertThat(status(recovered).mintedCopper()).isLessThanOrEqualTo(Money.MAX_AMOUNT);
    Treasury.MintReply exact = get(mint(recovered, "exact", "p-" + UUID.randomUUID(), left));
    assertThat(exact.fresh()).as(String.valueOf(exact.refusal())).isTrue();
    assertThat(status(recovered).mintedCopper()).isEqualTo(Money.MAX_AMOUNT);
    stop(recovered);
  }
}
