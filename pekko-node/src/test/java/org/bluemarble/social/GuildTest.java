package org.bluemarble.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The Guild entity: life cycle, unique tag, 50 members, recovery; events round-trip CBOR. */
class GuildTest {
  private static final ActorTestKit kit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));

  @AfterAll
  static void stop() {
    kit.shutdownTestKit();
  }

  private static EventSourcedBehaviorTestKit<Guild.Command, Guild.Event, GuildState> guild(
      String tag) {
    return EventSourcedBehaviorTestKit.create(
        kit.system(),
        Guild.create(
            tag, "guild-0", Clock.fixed(Instant.parse("2026-12-07T04:00:00Z"), ZoneOffset.UTC)));
  }

  @Test
  void leaderInvitesPromotesAndHandsOverAndTheStateSurvivesARestart() {
    var g = guild("BLUE");
    assertThat(g.<Guild.Reply>runCommand(r -> new Guild.Create("Blue", "ann", r)).reply())
        .isInstanceOf(Guild.Summary.class);
    assertThat(g.<Guild.Reply>runCommand(r -> new Guild.Create("Again", "bo", r)).reply())
        .isEqualTo(new Guild.Rejected("the tag BLUE is taken"));
    g.<Guild.Reply>runCommand(r -> new Guild.Invite("ann", "bo", r));
    assertThat(g.<Guild.Reply>runCommand(r -> new Guild.Join("cy", r)).reply())
        .isInstanceOf(Guild.Rejected.class);
    g.<Guild.Reply>runCommand(r -> new Guild.Join("bo", r));
    for (int i = 0; i < 3; i++) {
      g.<Guild.Reply>runCommand(r -> new Guild.Promote("ann", "bo", r));
    }
    assertThat(g.getState().rankOf("bo")).isEqualTo(GuildRank.OFFICER);
    assertThat(g.<Guild.Reply>runCommand(r -> new Guild.Leave("ann", r)).reply())
        .isInstanceOf(Guild.Rejected.class);
    g.<Guild.Reply>runCommand(r -> new Guild.Promote("ann", "bo", r));
    g.<Guild.Reply>runCommand(r -> new Guild.SetMotd("bo", "raid at eight", r));
    g.restart();
    GuildState s = g.getState();
    assertThat(s.rankOf("bo")).isEqualTo(GuildRank.LEADER);
    assertThat(s.rankOf("ann")).isEqualTo(GuildRank.OFFICER);
    assertThat(s.motd()).isEqualTo("raid at eight");
  }

  @Test
  void badTagIsRefusedAndAGuildStopsAtFiftyMembers() {
    assertThat(guild("blue!").<Guild.Reply>runCommand(r -> new Guild.Create("x", "ann", r)).reply())
        .isInstanceOf(Guild.Rejected.class);
    var g = guild("FIFTY");
    g.<Guild.Reply>runCommand(r -> new Guild.Create("Fifty", "p0", r));
    for (int i = 1; i < 50; i++) {
      String p = "p" + i;
      g.<Guild.Reply>runCommand(r -> new Guild.Invite("p0", p, r));
      g.<Guild.Reply>runCommand(r -> new Guild.Join(p, r));
    }
    assertThat(g.getState().members()).hasSize(50);
    assertThat(g.<Guild.Reply>runCommand(r -> new Guild.Invite("p0", "p50", r)).reply())
        .isEqualTo(new Guild.Rejected("a guild has at most 50 members"));
  }

  @Test
  void aDailyLimitRefusalAndTheDaysTalliesRoundTripCbor() {
    var ser = new org.apache.pekko.actor.testkit.typed.javadsl.SerializationTestKit(kit.system());
    Guild.Rejected refusal = new Guild.Rejected("over", GuildBankLimits.DAILY_LIMIT);
    assertThat(ser.verifySerialization(refusal, true)).isEqualTo(refusal);
    assertThat(ser.verifySerialization(new Guild.Rejected("no"), true).reason()).isEmpty();
    GuildState state =
        new GuildState(
            "BLUE",
            "Blue",
            java.util.Map.of("ann", GuildRank.LEADER),
            java.util.Set.of(),
            "",
            java.util.Map.of(
                "w1",
                new GuildBank.Move(
                    "w1",
                    "ann",
                    GuildBank.Kind.WITHDRAW,
                    5,
                    java.util.List.of(),
                    GuildBank.Phase.TAKING,
                    20_429)),
            java.util.Map.of("ann", new GuildBankLimits.Tally(20_429, 5, 0)));
    assertThat(ser.verifySerialization(state, true)).isEqualTo(state);
  }
}
