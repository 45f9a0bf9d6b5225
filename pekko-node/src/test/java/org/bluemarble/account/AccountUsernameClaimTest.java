package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link UsernameClaim}: first claim wins, persisted; the holder re-claiming is idempotent. */
class AccountUsernameClaimTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private EventSourcedBehaviorTestKit<
          UsernameClaim.Command, UsernameClaim.Event, UsernameClaim.State>
      kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void freshName() {
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            UsernameClaim.create(
                "claim-of-aria", "usernameclaim-0", Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  @Test
  void firstClaimWinsAndIsPersisted() {
    var first = kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Claim("aria", "a-1", r));
    assertThat(first.event()).isEqualTo(new UsernameClaim.UsernameClaimed("aria", "a-1", NOW));
    assertThat(first.reply()).isEqualTo(new UsernameClaim.Claimed("aria", "a-1"));

    var second =
        kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Claim("aria", "a-2", r));
    assertThat(second.hasNoEvents()).isTrue();
    assertThat(second.reply()).isEqualTo(new UsernameClaim.Taken("aria"));
  }

  @Test
  void onlyTheHolderCanReleaseAndThenTheNameIsFreeAgain() {
    kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Claim("aria", "a-1", r));
    var stranger =
        kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Release("aria", "a-2", r));
    assertThat(stranger.hasNoEvents()).isTrue();
    assertThat(stranger.reply()).isEqualTo(new UsernameClaim.Holder("aria", "a-1"));

    var released =
        kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Release("aria", "a-1", r));
    assertThat(released.event()).isEqualTo(new UsernameClaim.UsernameReleased("aria", "a-1", NOW));
    assertThat(released.reply()).isEqualTo(new UsernameClaim.Holder("aria", null));
    var next = kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Claim("aria", "a-2", r));
    assertThat(next.reply()).isEqualTo(new UsernameClaim.Claimed("aria", "a-2"));
  }

  @Test
  void theHolderReclaimingIsIdempotent() {
    kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Claim("aria", "a-1", r));
    var again = kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Claim("aria", "a-1", r));
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(again.reply()).isEqualTo(new UsernameClaim.Claimed("aria", "a-1"));
  }

  @Test
  void theClaimSurvivesARestart() {
    kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.Claim("aria", "a-1", r));
    kit.restart();
    var holder = kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.GetHolder("aria", r));
    assertThat(holder.reply()).isEqualTo(new UsernameClaim.Holder("aria", "a-1"));
  }

  @Test
  void aFreeNameHasNoHolder() {
    var holder = kit.<UsernameClaim.Reply>runCommand(r -> new UsernameClaim.GetHolder("aria", r));
    assertThat(holder.reply()).isEqualTo(new UsernameClaim.Holder("aria", null));
  }
}
