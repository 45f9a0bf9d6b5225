package org.bluemarble.account;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.player.Player;
import org.bluemarble.player.Position;
import org.bluemarble.shred.Shredding;

/**
 * The characters of an account: creates the {@link Player} entity and links it to the {@link
 * Account} (which enforces at most {@link AccountState#MAX_CHARACTERS}), lists and unlinks them.
 * Two concurrent creations past the limit can leave one Player entity unlinked (the account refuses
 * the link): it is unreachable and harmless.
 */
public final class AccountCharacters {
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final Shredding shredding;

  public AccountCharacters(ActorSystem<?> system, Duration timeout) {
    this.sharding = ClusterSharding.get(system);
    this.shredding = Shredding.get(system);
    this.timeout = timeout;
  }

  /**
   * Creates a character for {@code accountId}, optionally checkpointed at {@code position}, and
   * links it; completes with its profile.
   */
  public CompletionStage<Player.Profile> create(
      String accountId, String name, String characterClass, Position position) {
    return account(accountId)
        .<Account.Reply>ask(Account.GetAccount::new, timeout)
        .thenCompose(
            reply -> {
              Account.Summary summary = AccountDirectory.summary(reply);
              if (summary.characters().size() >= AccountState.MAX_CHARACTERS) {
                throw new PortException(
                    PortException.Code.CONFLICT,
                    "an account holds at most " + AccountState.MAX_CHARACTERS + " characters");
              }
              return createAndLink(accountId, name, characterClass, position);
            });
  }

  /**
   * As {@link #create}, for an account just registered (no characters yet): one round trip fewer,
   * which matters for batches of load-test accounts.
   */
  public CompletionStage<Player.Profile> createForNewAccount(
      String accountId, String name, String characterClass, Position position) {
    return createAndLink(accountId, name, characterClass, position);
  }

  private CompletionStage<Player.Profile> createAndLink(
      String accountId, String name, String characterClass, Position position) {
    String playerId = UUID.randomUUID().toString();
    EntityRef<Player.Command> player = player(playerId);
    // The character's key first, off the dispatcher: its name is encrypted with it.
    CompletionStage<Player.Reply> created =
        shredding
            .keys()
            .ensure(playerId)
            .thenCompose(
                keyed ->
                    player.ask(r -> new Player.CreateCharacter(name, characterClass, r), timeout));
    if (position != null) {
      created =
          created.thenCompose(
              first ->
                  first instanceof Player.Profile
                      ? player.ask(
                          r ->
                              new Player.CheckpointPosition(
                                  position.latitude(),
                                  position.longitude(),
                                  position.altitude(),
                                  r),
                          timeout)
                      : CompletableFuture.completedFuture(first));
    }
    return created.thenCompose(
        answer -> {
          Player.Profile profile = profile(answer);
          return account(accountId)
              .<Account.Reply>ask(r -> new Account.AddCharacter(profile.playerId(), r), timeout)
              .thenApply(
                  linked -> {
                    AccountDirectory.summary(linked);
                    return profile;
                  });
        });
  }

  /** The profiles of the account's characters, in creation order. */
  public CompletionStage<List<Player.Profile>> list(String accountId) {
    return account(accountId)
        .<Account.Reply>ask(Account.GetAccount::new, timeout)
        .thenCompose(
            reply -> {
              List<CompletableFuture<Player.Profile>> profiles =
                  AccountDirectory.summary(reply).characters().stream()
                      .map(
                          id ->
                              player(id)
                                  .<Player.Reply>ask(Player.GetProfile::new, timeout)
                                  .thenApply(AccountCharacters::profile)
                                  .toCompletableFuture())
                      .toList();
              return CompletableFuture.allOf(profiles.toArray(CompletableFuture[]::new))
                  .thenApply(done -> profiles.stream().map(CompletableFuture::join).toList());
            });
  }

  /**
   * Unlinks the character from the account (NOT_FOUND when it is not one of the account's). The
   * Player's journal stays: it holds game history, and nothing reaches it without the link.
   */
  public CompletionStage<Void> delete(String accountId, String playerId) {
    return account(accountId)
        .<Account.Reply>ask(r -> new Account.RemoveCharacter(playerId, r), timeout)
        .thenAccept(AccountDirectory::summary);
  }

  static Player.Profile profile(Player.Reply reply) {
    if (reply instanceof Player.Profile p) {
      return p;
    }
    Player.Rejected rejected = (Player.Rejected) reply;
    throw new PortException(
        switch (rejected.reason()) {
          case INVALID_INPUT -> PortException.Code.INVALID_INPUT;
          case NOT_FOUND -> PortException.Code.NOT_FOUND;
          case ALREADY_EXISTS -> PortException.Code.CONFLICT;
        },
        rejected.message());
  }

  private EntityRef<Account.Command> account(String accountId) {
    return sharding.entityRefFor(Account.ENTITY_KEY, accountId);
  }

  private EntityRef<Player.Command> player(String playerId) {
    return sharding.entityRefFor(Player.ENTITY_KEY, playerId);
  }
}
