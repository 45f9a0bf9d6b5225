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
import org.bluemarble.edge.port.AuditPort;
import org.bluemarble.edge.port.EconomyExport;
import org.bluemarble.edge.port.PlayerView;
import org.bluemarble.node.SessionControl;
import org.bluemarble.shred.PersonalCipher;
import org.bluemarble.shred.Shredding;

/**
 * The edge's {@link AccountAdminPort} over the sharded {@link Account} and {@link UsernameClaim}
 * entities. A ban and an erasure also publish {@link SessionControl.Kick}, so the account's live
 * game sessions end on every node, and end its login sessions ({@link AccountSessions}), so that
 * its access tokens are refused; revoking a role ends the login sessions too, so no token keeps the
 * role.
 */
public final class AccountAdministration implements AccountAdminPort {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final AuditPort audit;
  private final AccountCharacters characters;
  private final AccountSessions sessions;
  private final AccountEconomy economy;

  /**
   * @param sessions ends an account's login sessions ({@link AccountSessions#NONE} on nodes without
   *     an edge session store)
   * @param economy the economy's records of the account's holders ({@link AccountEconomy#NONE}
   *     without an economy)
   */
  public AccountAdministration(
      ActorSystem<?> system,
      Duration timeout,
      AuditPort audit,
      AccountSessions sessions,
      AccountEconomy economy) {
    this.sessions = sessions;
    this.economy = economy;
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.audit = audit;
    this.characters = new AccountCharacters(system, timeout);
  }

  /** The economy's holders of an account: its bank (keyed by the account id) and its characters. */
  static List<String> holders(AccountView account) {
    List<String> holders = new java.util.ArrayList<>();
    holders.add(account.accountId());
    holders.addAll(account.characters());
    return holders;
  }

  @Override
  public CompletionStage<Optional<AccountExport>> export(UUID accountId) {
    String id = accountId.toString();
    return find(accountId)
        .thenCompose(
            account -> {
              if (account.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.<AccountExport>empty());
              }
              CompletionStage<List<PlayerView>> players =
                  characters.list(id).thenApply(l -> l.stream().map(PlayerViews::of).toList());
              CompletionStage<AuditPort.Page> byActor =
                  audit.find(new AuditPort.Query(id, null, null, null, null, 0, Integer.MAX_VALUE));
              CompletionStage<AuditPort.Page> byTarget =
                  audit.find(new AuditPort.Query(null, null, id, null, null, 0, Integer.MAX_VALUE));
              CompletionStage<EconomyExport> money = economy.export(holders(account.get()));
              CompletionStage<List<AuditPort.Entry>> entries =
                  byActor.thenCombine(byTarget, AccountAdministration::union);
              return players.thenCompose(
                  list ->
                      entries.thenCombine(
                          money,
                          (audited, wealth) ->
                              Optional.of(
                                  new AccountExport(
                                      account.get(), list, wealth, audited, Instant.now()))));
            });
  }

  /** The entries of both pages, each once. */
  private static List<AuditPort.Entry> union(AuditPort.Page first, AuditPort.Page second) {
    java.util.LinkedHashSet<AuditPort.Entry> all = new java.util.LinkedHashSet<>(first.entries());
    all.addAll(second.entries());
    return List.copyOf(all);
  }

  @Override
  public CompletionStage<Boolean> erase(UUID accountId, String by) {
    // The economy goes first: it needs the account's characters, and when it fails the account is
    // still there for a retry.
    return find(accountId)
        .thenCompose(
            account ->
                account.isEmpty()
                    ? CompletableFuture.completedFuture(false)
                    : economy
                        .erase(holders(account.get()))
                        // Then the keys of the account and its characters (crypto-shredding):
                        // from here on the journal holds nothing readable about them. When this
                        // fails, the account is still there for a retry.
                        .thenCompose(
                            erased -> Shredding.get(system).keys().erase(holders(account.get())))
                        .thenCompose(
                            shredded -> eraseAccount(accountId, by, account.get().username())));
  }

  private CompletionStage<Boolean> eraseAccount(UUID accountId, String by, String username) {
    return ask(accountId, r -> new Account.Erase(by, r))
        .thenCompose(
            reply -> {
              if (!(reply instanceof Account.Summary before)) {
                return CompletableFuture.completedFuture(false);
              }
              publish(new SessionControl.Kick(before.accountId(), "account erased", Instant.now()));
              return sessions
                  .endAll(before.accountId())
                  .thenCompose(
                      ended ->
                          // A retry after a restart may only know the name as erased: that claim
                          // then stays (the name is not released, nothing personal is readable).
                          PersonalCipher.ERASED.equals(username)
                              ? CompletableFuture.completedFuture(null)
                              : release(AccountRules.usernameKey(username), before.accountId()))
                  .thenApply(released -> true);
            });
  }

  private CompletionStage<UsernameClaim.Reply> release(String usernameKey, String accountId) {
    return UsernameClaim.ref(system, usernameKey)
        .thenCompose(
            claim -> claim.ask(r -> new UsernameClaim.Release(usernameKey, accountId, r), timeout));
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
    return UsernameClaim.ref(system, key)
        .thenCompose(
            claim ->
                claim.<UsernameClaim.Reply>ask(r -> new UsernameClaim.GetHolder(key, r), timeout))
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
        .thenCompose(
            view -> {
              publish(
                  new SessionControl.Kick(view.accountId(), "banned: " + reason, Instant.now()));
              return sessions.endAll(view.accountId()).thenApply(ended -> view);
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
    return change(accountId, r -> new Account.RevokeRole(role, r))
        .thenCompose(view -> sessions.endAll(view.accountId()).thenApply(ended -> view));
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
