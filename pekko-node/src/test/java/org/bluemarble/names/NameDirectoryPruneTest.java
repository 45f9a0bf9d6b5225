package org.bluemarble.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node that leaves the cluster without withdrawing its players' names (it crashed and was downed)
 * has them removed by the surviving nodes; names another node published stay.
 */
class NameDirectoryPruneTest {
  private ActorTestKit first;
  private ActorTestKit second;

  private static Config config() {
    return ConfigFactory.parseString(
            "pekko.actor.provider = cluster\n"
                + "pekko.remote.artery.canonical.port = 0\n"
                + "pekko.remote.artery.canonical.hostname = 127.0.0.1\n"
                + "pekko.cluster.jmx.multi-mbeans-in-same-jvm = on\n")
        .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
        .withFallback(ConfigFactory.defaultReference());
  }

  @AfterEach
  void stop() {
    if (second != null) {
      second.shutdownTestKit();
    }
    if (first != null) {
      first.shutdownTestKit();
    }
  }

  @Test
  void onlyTheEntriesOfTheNodeNamedAreStale() {
    Map<Long, NameDirectory.Named> entries =
        Map.of(
            1L, new NameDirectory.Named("Ann", "a#1"),
            2L, new NameDirectory.Named("Bo", "b#2"),
            3L, new NameDirectory.Named("Cy", "a#9"));
    assertThat(NameDirectory.staleIn(entries, "a#1")).containsExactly(1L);
    assertThat(NameDirectory.staleIn(entries, "c#3")).isEmpty();
  }

  @Test
  void theSurvivorRemovesTheNamesOfANodeThatLeftWithoutWithdrawingThem() {
    first = ActorTestKit.create("names", config());
    Cluster a = Cluster.get(first.system());
    a.manager().tell(Join.create(a.selfMember().address()));
    second = ActorTestKit.create("names", config());
    Cluster b = Cluster.get(second.system());
    b.manager().tell(Join.create(a.selfMember().address()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                java.util.stream.StreamSupport.stream(a.state().getMembers().spliterator(), false)
                        .filter(m -> m.status() == MemberStatus.up())
                        .count()
                    == 2);

    NameDirectory survivor = NameDirectory.get(first.system());
    NameDirectory doomed = NameDirectory.get(second.system());
    survivor.publish(1L, "Stays");
    doomed.publish(2L, "Crashed Carl");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "Crashed Carl".equals(survivor.displayName(2L)));
    assertThat(lookup(survivor, 2L)).contains("Crashed Carl");

    // The second node goes away without withdrawing entity 2 (no presence left the world).
    second.shutdownTestKit();
    second = null;
    await().atMost(Duration.ofSeconds(60)).until(() -> survivor.displayName(2L) == null);
    assertThat(lookup(survivor, 2L)).isEmpty();
    assertThat(survivor.displayName(1L)).isEqualTo("Stays");
  }

  private static Optional<String> lookup(NameDirectory directory, long entityId) {
    return directory.lookup(entityId).toCompletableFuture().join();
  }
}
