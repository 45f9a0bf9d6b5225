package org.bluemarble.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.InvalidAccountInputException;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.port.AccountAdminPort;
import org.bluemarble.edge.port.AccountView;
import org.bluemarble.node.SessionControl;

/**
 * The edge's {@link AccountAdminPort} over the sharded {@link Account} and {@link UsernameClaim}
 * entities. A ban also publishes {@link SessionControl.Kick}, so the account's live sessions end on
 * every node.
 */
public final class AccountAdministration implements AccountAdminPort {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final LoadTestAccounts loadTest;
  private final boolean loadTestEnabled;

  public AccountAdministration(
      ActorSystem<?> system, Duration timeout, LoadTestAccounts loadTest, boolean loadTestEnabled) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.loadTest = loadTest;
    this.loadTestEnabled = loadTestEnabled;
  }

  @Override
  public CompletionStage<Optional<AccountView>> find(UUID accountId) {
    return ask(accountId, Account.GetAccount::new)
        .thenApply(
            reply -> reply instanceof Account.Summary s ? Optional.of(view(s)) : Optional.empty());
  }

  @Override
  public CompletionStage<Optional<AccountView>> findByName(String username) {
    String key;
    try {
      key = AccountRules.usernameKey(username);
    } catch (InvalidAccountInputException e) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return sharding
        .entityRefFor(UsernameClaim.ENTITY_KEY, key)
        .<UsernameClaim.Reply>ask(UsernameClaim.GetHolder::new, timeout)
        .thenCompose(
            reply -> {
              String holder = ((UsernameClaim.Holder) reply).accountId();
              return holder == null
                  ? CompletableFuture.completedFuture(Optional.<AccountView>empty())
                  : find(UUID.fromString(holder));
            });
  }

  @Override
  public CompletionStage<AccountView> ban(UUID accountId, String reason, Instant until, String by) {
    return change(accountId, r -> new Account.Ban(reason, until, by, r))
        .thenApply(
            view -> {
              publish(
                  new SessionControl.Kick(view.accountId(), "banned: " + reason, Instant.now()));
              return view;
            });
  }

  @Override
  public CompletionStage<AccountView> unban(UUID accountId, String by) {
    return change(accountId, r -> new Account.Unban(by, r));
  }

  @Override
  public CompletionStage<AccountView> grantRole(UUID accountId, Role role) {
    return change(accountId, r -> new Account.GrantRole(role, r));
  }

  @Override
  public CompletionStage<AccountView> revokeRole(UUID accountId, Role role) {
    return change(accountId, r -> new Account.RevokeRole(role, r));
  }

  @Override
  public boolean loadTestAccountsEnabled() {
    return loadTestEnabled;
  }

  @Override
  public CompletionStage<List<LoadTestAccount>> createLoadTestAccounts(LoadTestBatch batch) {
    return loadTest.create(batch);
  }

  private void publish(SessionControl.Notice notice) {
    ActorRef<Topic.Command<SessionControl.Notice>> topic = SessionControl.get(system).topic();
    topic.tell(Topic.publish(notice));
  }

  private CompletionStage<AccountView> change(
      UUID accountId, Function<ActorRef<Account.Reply>, Account.Command> command) {
    return ask(accountId, command).thenApply(reply -> view(AccountDirectory.summary(reply)));
  }

  private CompletionStage<Account.Reply> ask(
      UUID accountId, Function<ActorRef<Account.Reply>, Account.Command> command) {
    return sharding
        .entityRefFor(Account.ENTITY_KEY, accountId.toString())
        .ask(command::apply, timeout);
  }

  static AccountView view(Account.Summary s) {
    return new AccountView(
        s.accountId(),
        s.username(),
        s.email(),
        s.roles(),
        s.characters(),
        s.registeredAt(),
        s.ban() == null
            ? null
            : new AccountView.Ban(s.ban().reason(), s.ban().until(), s.ban().by(), s.ban().at()));
  }
}
