package org.bluemarble.node.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/**
 * Several ActorSystems in one JVM as one cluster, for entity tests whose messages must cross Artery
 * (and CBOR): each system on a free loopback port with the persistence testkit's in-memory journal
 * and the project's serialization bindings.
 */
public final class ClusterTestKits {
  private ClusterTestKits() {}

  /** One cluster member's settings, {@code extra} (HOCON) first. */
  public static Config config(String extra) {
    return ConfigFactory.parseString(extra)
        .withFallback(
            ConfigFactory.parseString(
                """
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical.hostname = 127.0.0.1
                pekko.remote.artery.canonical.port = 0
                pekko.cluster.jmx.multi-mbeans-in-same-jvm = on
                """))
        .withFallback(EventSourcedBehaviorTestKit.config())
        .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
        .withFallback(ConfigFactory.defaultReference());
  }

  /** Joins every kit to the first one's cluster and waits until all of them are Up there. */
  public static void join(Duration wait, ActorTestKit first, ActorTestKit... others) {
    Cluster seed = Cluster.get(first.system());
    seed.manager().tell(Join.create(seed.selfMember().address()));
    for (ActorTestKit other : others) {
      Cluster.get(other.system()).manager().tell(Join.create(seed.selfMember().address()));
    }
    first
        .createTestProbe()
        .awaitAssert(
            wait,
            () -> {
              assertThat(seed.state().getMembers())
                  .hasSize(1 + others.length)
                  .allMatch(m -> m.status() == MemberStatus.up());
              return null;
            });
  }
}
