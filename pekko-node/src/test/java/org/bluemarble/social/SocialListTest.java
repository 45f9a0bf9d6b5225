package org.bluemarble.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One player's social lists: requests, accept, remove, ignore; recovered after a restart. */
class SocialListTest {
  private static final ActorTestKit kit =
      ActorTestKit.create(
          ConfigFactory.parseString(
                  "pekko.actor.provider = cluster\n"
                      + "pekko.remote.artery.canonical.port = 0\n"
                      + "pekko.remote.artery.canonical.hostname = 127.0.0.1")
              .withFallback(EventSourcedBehaviorTestKit.config())
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @BeforeAll
  static void joinItself() {
    Cluster cluster = Cluster.get(kit.system());
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    SocialList.init(kit.system(), 1);
  }

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  @Test
  void requestAcceptIgnoreAndRestart() {
    var bo =
        EventSourcedBehaviorTestKit.<SocialList.Command, SocialList.Event, SocialList.State>create(
            kit.system(), SocialList.create("bo", "social-0"));
    bo.<SocialList.Reply>runCommand(r -> new SocialList.RequestFriend("ann", r));
    assertThat(bo.getState().requests()).containsExactly("ann");
    assertThat(bo.<SocialList.Reply>runCommand(r -> new SocialList.AcceptFriend("cy", r)).reply())
        .isInstanceOf(SocialList.Rejected.class);
    bo.<SocialList.Reply>runCommand(r -> new SocialList.AcceptFriend("ann", r));
    assertThat(bo.getState().friends()).containsExactly("ann");
    assertThat(bo.getState().requests()).isEmpty();
    // The requester's own list learns of the friendship.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        ((SocialList.Summary)
                                ClusterSharding.get(kit.system())
                                    .entityRefFor(SocialList.ENTITY_KEY, "ann")
                                    .<SocialList.Reply>ask(
                                        SocialList.Get::new, Duration.ofSeconds(5))
                                    .toCompletableFuture()
                                    .get())
                            .friends())
                    .containsExactly("bo"));

    // Ignoring drops the friendship and refuses further requests.
    bo.<SocialList.Reply>runCommand(r -> new SocialList.Ignore("ann", r));
    assertThat(bo.getState().friends()).isEmpty();
    assertThat(bo.<SocialList.Reply>runCommand(r -> new SocialList.RequestFriend("ann", r)).reply())
        .isEqualTo(new SocialList.Rejected("the player does not accept requests from you"));
    assertThat(bo.<SocialList.Reply>runCommand(r -> new SocialList.Ignore("bo", r)).reply())
        .isInstanceOf(SocialList.Rejected.class);
    bo.restart();
    assertThat(bo.getState().ignored()).containsExactly("ann");
    bo.<SocialList.Reply>runCommand(r -> new SocialList.Unignore("ann", r));
    assertThat(bo.getState().ignored()).isEmpty();
  }
}
