package org.bluemarble.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A social command wrapped with its session's trace crosses nodes (presence on one, entity on
 * another): the wrapper round-trips CBOR with the wrapped command's own class.
 */
class UnderTraceSerializationTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
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
  void guildPartyAndSocialListCommandsUnderATraceRoundTripThroughCbor() {
    SerializationTestKit serialization = new SerializationTestKit(testKit.system());
    List<Object> samples =
        List.of(
            new Guild.UnderTrace(
                new Guild.Create("Tracers", "p-1", testKit.<Guild.Reply>createTestProbe().ref()),
                TRACE),
            new Party.UnderTrace(
                new Party.Invite("p-1", "p-2", testKit.<Party.Reply>createTestProbe().ref()),
                TRACE),
            new SocialList.UnderTrace(
                new SocialList.RequestFriend(
                    "p-1", testKit.<SocialList.Reply>createTestProbe().ref()),
                TRACE));
    for (Object sample : samples) {
      assertThat(serialization.verifySerialization(sample, true)).isEqualTo(sample);
    }
  }
}
