package org.bluemarble.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.bluemarble.auth.AccountBan;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.PlayerView;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.shred.Shredding;
import org.bluemarble.tracing.TraceMdc;

/**
 * The edge's {@link AccountPort}, implemented by asking the sharded {@link UsernameClaim} and
 * {@link Account} entities. Register claims the name first, then creates the account.
 */
public final class AccountDirectory implements AccountPort {
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final AccountCharacters characters;
  private final Shredding shredding;
  private final ActorSystem<?> system;

  public AccountDirectory(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.shredding = Shredding.get(system);
    this.timeout = timeout;
    this.characters = new AccountCharacters(system, timeout);
  }

  @Override
  public CompletionStage<List<PlayerView>> characters(UUID accountId) {
    return characters
        .list(accountId.toString())
        .thenApply(list -> list.stream().map(PlayerViews::of).toList());
  }

  @Override
  public CompletionStage<PlayerView> createCharacter(
      UUID accountId, String name, String characterClass) {
    return characters
        .create(accountId.toString(), name, characterClass, null)
        .thenApply(PlayerViews::of);
  }

  @Override
  public CompletionStage<Void> deleteCharacter(UUID accountId, UUID playerId) {
    return characters.delete(accountId.toString(), playerId.toString());
  }

  @Override
  public CompletionStage<Registration> register(
      String username, String email, String passwordHash, Set<Role> roles) {
    String key = AccountRules.usernameKey(username);
    String accountId = UUID.randomUUID().toString();
    // Read on the calling thread: the steps below run on other threads.
    String traceId = TraceMdc.current();
    // The key first (off the dispatcher), so that the journal never waits for it: the name claim
    // is the first event encrypted with it.
    return shredding
        .keys()
        .ensure(accountId)
        .thenCompose(
            keyed ->
                claim(key)
                    .thenCompose(
                        c ->
                            c.<UsernameClaim.Reply>ask(
                                r -> new UsernameClaim.Claim(key, accountId, r), timeout)))
        .thenCompose(
            claimed -> {
              if (!(claimed instanceof UsernameClaim.Claimed)) {
                return CompletableFuture.completedFuture(new UsernameTaken(username));
              }
              CompletionStage<Registration> created =
                  account(accountId)
                      .<Account.Reply>ask(
                          r ->
                              new Account.Register(
                                  username, email, passwordHash, roles, traceId, r),
                          timeout)
                      .thenApply(reply -> new Registered(summary(reply).accountId(), username));
              return created
                  .handle(
                      (registration, failure) -> {
                        if (failure == null) {
                          return CompletableFuture.completedFuture(registration);
                        }
                        // The account was not created: free the name again, then report why.
                        return claim(key)
                            .thenCompose(
                                c ->
                                    c.<UsernameClaim.Reply>ask(
                                        r -> new UsernameClaim.Release(key, accountId, r), timeout))
                            .<Registration>thenApply(
                                released -> {
                                  throw failure
                                          instanceof java.util.concurrent.CompletionException c
                                      ? c
                                      : new java.util.concurrent.CompletionException(failure);
                                });
                      })
                  .thenCompose(stage -> stage);
            });
  }

  @Override
  public CompletionStage<Optional<PasswordLogin.Credentials>> findByUsernameKey(
      String usernameKey) {
    return claim(usernameKey)
        .thenCompose(
            c ->
                c.<UsernameClaim.Reply>ask(
                    r -> new UsernameClaim.GetHolder(usernameKey, r), timeout))
        .thenCompose(
            reply -> {
              String holder = ((UsernameClaim.Holder) reply).accountId();
              return holder == null
                  ? CompletableFuture.completedFuture(Optional.empty())
                  : findById(UUID.fromString(holder));
            });
  }

  @Override
  public CompletionStage<Optional<PasswordLogin.Credentials>> findById(UUID accountId) {
    return account(accountId.toString())
        .<Account.Reply>ask(Account.GetAccount::new, timeout)
        .thenApply(
            reply ->
                reply instanceof Account.Summary s
                    ? Optional.of(
                        new PasswordLogin.Credentials(
                            s.accountId(),
                            s.username(),
                            s.passwordHash(),
                            s.roles(),
                            s.ban() == null
                                ? null
                                : new AccountBan(s.ban().reason(), s.ban().until())))
                    : Optional.empty());
  }

  @Override
  public CompletionStage<Boolean> changePasswordHash(UUID accountId, String passwordHash) {
    return account(accountId.toString())
        .<Account.Reply>ask(r -> new Account.ChangePassword(passwordHash, r), timeout)
        .thenApply(reply -> reply instanceof Account.Summary);
  }

  /** The summary in {@code reply}, or the refusal as a {@link PortException}. */
  static Account.Summary summary(Account.Reply reply) {
    if (reply instanceof Account.Summary s) {
      return s;
    }
    Account.Rejected rejected = (Account.Rejected) reply;
    throw new PortException(
        switch (rejected.reason()) {
          case INVALID_INPUT -> PortException.Code.INVALID_INPUT;
          case NOT_FOUND -> PortException.Code.NOT_FOUND;
          case ALREADY_EXISTS -> PortException.Code.CONFLICT;
        },
        rejected.message());
  }

  private CompletionStage<EntityRef<UsernameClaim.Command>> claim(String usernameKey) {
    return UsernameClaim.ref(system, usernameKey);
  }

  private EntityRef<Account.Command> account(String accountId) {
    return sharding.entityRefFor(Account.ENTITY_KEY, accountId);
  }
}
