package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.bluemarble.auth.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {
  private static final ActorTestKit testKit =
      ActorTestKit.create(
          EventSourcedBehaviorTestKit.config()
              .withFallback(ConfigFactory.parseResources("bluemarble/serialization.conf"))
              .withFallback(ConfigFactory.defaultReference()));
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaA";

  private final String accountId = UUID.randomUUID().toString();
  private EventSourcedBehaviorTestKit<Account.Command, Account.Event, AccountState> kit;

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @BeforeEach
  void newAccount() {
    // Serialization checks stay on: commands, events, replies and state round-trip through CBOR.
    kit =
        EventSourcedBehaviorTestKit.create(
            testKit.system(),
            Account.create(accountId, "account-1", Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  private Account.Reply register() {
    return kit.<Account.Reply>runCommand(
            r -> new Account.Register("Aria", "aria@example.org", HASH, Set.of(Role.PLAYER), r))
        .reply();
  }

  @Test
  void registersAndPersistsTheAccount() {
    var result =
        kit.<Account.Reply>runCommand(
            r -> new Account.Register("Aria", "aria@example.org", HASH, Set.of(Role.PLAYER), r));
    assertThat(result.event())
        .isEqualTo(
            new Account.AccountRegistered(
                accountId, "Aria", "aria@example.org", HASH, Set.of(Role.PLAYER), NOW));
    assertThat(result.reply())
        .isInstanceOfSatisfying(
            Account.Summary.class,
            s -> {
              assertThat(s.username()).isEqualTo("Aria");
              assertThat(s.roles()).containsExactly(Role.PLAYER);
            });
  }

  @Test
  void refusesASecondRegistrationWithoutPersisting() {
    register();
    var again =
        kit.<Account.Reply>runCommand(
            r -> new Account.Register("Other", "o@example.org", HASH, Set.of(Role.PLAYER), r));
    assertThat(again.hasNoEvents()).isTrue();
    assertThat(again.reply())
        .isEqualTo(
            new Account.Rejected(
                Account.Reason.ALREADY_EXISTS, "account " + accountId + " exists"));
  }

  @Test
  void refusesAHashThatIsNotArgon2() {
    var result =
        kit.<Account.Reply>runCommand(
            r ->
                new Account.Register(
                    "Aria", "aria@example.org", "plain-text", Set.of(Role.PLAYER), r));
    assertThat(result.hasNoEvents()).isTrue();
    assertThat(result.reply()).isInstanceOf(Account.Rejected.class);
  }

  @Test
  void grantsAndRevokesRolesButNeverPlayer() {
    register();
    kit.<Account.Reply>runCommand(r -> new Account.GrantRole(Role.ADMIN, r));
    assertThat(kit.getState().roles()).isEqualTo(EnumSet.of(Role.PLAYER, Role.ADMIN));
    kit.<Account.Reply>runCommand(r -> new Account.RevokeRole(Role.ADMIN, r));
    var player = kit.<Account.Reply>runCommand(r -> new Account.RevokeRole(Role.PLAYER, r));
    assertThat(player.hasNoEvents()).isTrue();
    assertThat(kit.getState().roles()).containsExactly(Role.PLAYER);
  }

  @Test
  void holdsAtMostTenCharacters() {
    register();
    for (int i = 0; i < AccountState.MAX_CHARACTERS; i++) {
      String id = "p" + i;
      kit.<Account.Reply>runCommand(r -> new Account.AddCharacter(id, r));
    }
    var eleventh = kit.<Account.Reply>runCommand(r -> new Account.AddCharacter("p10", r));
    assertThat(eleventh.hasNoEvents()).isTrue();
    assertThat(eleventh.reply()).isInstanceOf(Account.Rejected.class);
    kit.<Account.Reply>runCommand(r -> new Account.RemoveCharacter("p3", r));
    assertThat(kit.getState().characters()).hasSize(9).doesNotContain("p3");
  }

  @Test
  void recoversPasswordAndRolesAfterRestart() {
    register();
    String newer = HASH + "x";
    kit.<Account.Reply>runCommand(r -> new Account.ChangePassword(newer, r));
    kit.<Account.Reply>runCommand(r -> new Account.GrantRole(Role.MODERATOR, r));
    kit.restart();
    assertThat(kit.getState().passwordHash()).isEqualTo(newer);
    assertThat(kit.getState().roles()).contains(Role.MODERATOR);
  }

  @Test
  void answersNotFoundBeforeRegistration() {
    var result = kit.<Account.Reply>runCommand(Account.GetAccount::new);
    assertThat(result.reply())
        .isEqualTo(new Account.Rejected(Account.Reason.NOT_FOUND, "no account " + accountId));
  }
}
