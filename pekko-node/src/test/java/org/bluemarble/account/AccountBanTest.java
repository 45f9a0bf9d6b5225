package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bans on the {@link Account} entity: persisted, validated, lifted, and survive a restart. */
class AccountBanTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private EventSourcedBehaviorTestKit<Account.Command, Account.Event, AccountState> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void registered() {
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Account.create("acc-1", "account-0", Clock.fixed(NOW, ZoneOffset.UTC)));
    kit.<Account.Reply>runCommand(
        r -> new Account.Register("Aria", "a@b.org", "$argon2id$x", Set.of(Role.PLAYER), r));
  }

  @Test
  void aBanIsStoredWithReasonUntilAndAdminAndSurvivesARestart() {
    Instant until = NOW.plusSeconds(3600);
    var banned = kit.<Account.Reply>runCommand(r -> new Account.Ban("spam", until, "admin-1", r));
    assertThat(banned.event())
        .isEqualTo(new Account.AccountBanned("acc-1", "spam", until, "admin-1", NOW));
    kit.restart();
    var summary = (Account.Summary) kit.<Account.Reply>runCommand(Account.GetAccount::new).reply();
    assertThat(summary.ban()).isEqualTo(new AccountState.BanRecord("spam", until, "admin-1", NOW));
    assertThat(summary.ban().activeAt(NOW)).isTrue();
    assertThat(summary.ban().activeAt(until)).isFalse();
  }

  @Test
  void refusesAnEmptyReasonAndAnEndInThePast() {
    var empty = kit.<Account.Reply>runCommand(r -> new Account.Ban(" ", null, "admin-1", r));
    assertThat(empty.hasNoEvents()).isTrue();
    assertThat(((Account.Rejected) empty.reply()).reason()).isEqualTo(Account.Reason.INVALID_INPUT);
    var past =
        kit.<Account.Reply>runCommand(r -> new Account.Ban("x", NOW.minusSeconds(1), "admin-1", r));
    assertThat(past.hasNoEvents()).isTrue();
  }

  @Test
  void unbanLiftsTheBanAndIsANoOpWithoutOne() {
    var none = kit.<Account.Reply>runCommand(r -> new Account.Unban("admin-1", r));
    assertThat(none.hasNoEvents()).isTrue();
    kit.<Account.Reply>runCommand(r -> new Account.Ban("spam", null, "admin-1", r));
    var lifted = kit.<Account.Reply>runCommand(r -> new Account.Unban("admin-1", r));
    assertThat(lifted.event()).isEqualTo(new Account.AccountUnbanned("acc-1", "admin-1", NOW));
    assertThat(((Account.Summary) lifted.reply()).ban()).isNull();
  }
}
