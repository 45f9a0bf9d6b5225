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
            new SessionEvent.ChatHeard(42L, entry),
            new ChatHub.ToPlayers(
                java.util.Set.of("p-2"), new SocialNote.FriendSeen("p-1", "Łucja", true, true)),
            new ChatHub.ToPlayers(
                java.util.Set.of("p-2"), new SocialNote.Invite("GUILD", "ORBIT", "p-1", "Bo")),
            new ChatHub.ToPlayers(
                java.util.Set.of("p-2", "p-3"),
                new SocialNote.GuildNews(
                    "p-1",
                    "ORBIT",
                    new org.bluemarble.social.Guild.Summary(
                        "ORBIT",
                        "The Orbiters",
                        java.util.Map.of("p-1", org.bluemarble.social.GuildRank.LEADER),
                        java.util.Set.of("p-2"),
                        "hi"))),
            new ChatHub.ToPlayers(
                java.util.Set.of("p-2"),
                new SocialNote.PartyNews(
                    "p-1",
                    "pa-1",
                    new org.bluemarble.social.Party.Summary(
                        "pa-1", true, "p-1", List.of("p-1", "p-2"), java.util.Set.of(), ""))),
            new ChatHub.ToPlayers(
                java.util.Set.of("p-2"),
                new SocialNote.Notice("n-1", "OUTBID", "outbid", "au-1", 5L, true, "")),
            new GroupHistory.LineKept("GUILD-ORBIT", entry),
            new PartyPositions.Batch(
                List.of(
                    new PartyPositions.Mate(
                        "pa-1", "p-1", "Łucja", -21.5, 179.9, 12.5, 40, 50, 1_700_000_000_123L))),
            new GroupHistory.Lines(List.of(entry)),
            new Moderation.ReportFiled(
                new Moderation.Report(
                    "r-1",
                    "p-2",
                    "p-1",
                    "spam",
                    List.of(entry),
                    Instant.parse("2026-12-07T04:00:00Z"),
                    "OPEN",
                    "",
                    "")),
            new Moderation.MuteChanged(
                "p-1", null, "", "mod", Instant.parse("2026-12-07T04:00:00Z")),
            new Notifications.NoticeKept(
                "p-1", new SocialNote.Notice("n-1", "OUTBID", "t", "au-1", 5L, false, "")),
            new org.bluemarble.social.PartyState(
                "p-1", List.of("p-1", "p-2"), java.util.Set.of("p-3"), false));
    SerializationTestKit serialization = new SerializationTestKit(testKit.system());
    for (CborSerializable sample : samples) {
      assertThat(serialization.verifySerialization(sample, true)).isEqualTo(sample);
    }
  }
}
