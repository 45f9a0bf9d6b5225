package org.bluemarble.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.zone.SessionEvent;
import org.bluemarble.zone.ZoneCell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** What chat sends between nodes round-trips through Jackson CBOR. */
class ChatSerializationTest {
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
  void chatWireMessagesRoundTrip() {
    ChatEntry entry =
        new ChatEntry(
            ChatLine.Channel.WHISPER,
            "",
            "p-1",
            "Łucja",
            "hi ☺",
            1_700_000_000_123L,
            "Bo",
            7,
            true);
    List<CborSerializable> samples =
        List.of(
            entry,
            new ChatHub.Published(entry),
            new ChatHub.Whisper(entry, "w-1", testKit.<ChatHub.Command>createTestProbe().ref()),
            new ChatHub.WhisperDelivered("w-1"),
            new ChatHub.Degraded(true),
            new ChatHub.Muted("p-1", Instant.parse("2026-12-07T04:00:00Z"), "spam", "mod"),
            new ChatHub.Muted("p-1", null, "", "mod"),
            new ZoneCell.Say(entry, -21.0, 179.9, 4.7e-6, true),
            new SessionEvent.ChatHeard(42L, entry));
    SerializationTestKit serialization = new SerializationTestKit(testKit.system());
    for (CborSerializable sample : samples) {
      assertThat(serialization.verifySerialization(sample, true)).isEqualTo(sample);
    }
  }
}
