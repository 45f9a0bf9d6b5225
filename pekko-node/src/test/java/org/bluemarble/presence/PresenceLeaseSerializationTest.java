package org.bluemarble.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.node.CborSerializable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The lease's messages cross nodes (presence on one, lease on another): they round-trip CBOR. */
class PresenceLeaseSerializationTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          ConfigFactory.parseString("pekko.actor.serialize-messages = off")
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void claimsReleasesGrantsAndSupersedesRoundTripThroughCbor() {
    ActorRef<PresenceActor.Command> presence =
        testKit.<PresenceActor.Command>createTestProbe().ref();
    SerializationTestKit serialization = new SerializationTestKit(testKit.system());
    List<Object> samples =
        List.of(
            new PresenceLease.Claim(presence, false),
            new PresenceLease.Claim(presence, true),
            new PresenceLease.Release(presence),
            new PresenceLease.Granted("player-1"),
            new PresenceLease.Superseded("player-1", "the player connected again elsewhere"));
    for (Object sample : samples) {
      assertThat(sample).isInstanceOf(CborSerializable.class);
      assertThat(serialization.verifySerialization(sample, true)).isEqualTo(sample);
    }
  }
}
