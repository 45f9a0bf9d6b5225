package org.bluemarble.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.ExternalIdentity;
import org.bluemarble.auth.InvalidAccountInputException;
import org.bluemarble.auth.PasswordLogin;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.ExternalIdentityPort;
import org.bluemarble.edge.port.PortException;

/**
 * The edge's {@link ExternalIdentityPort} over the sharded {@link ExternalLink}, {@link Account}
 * and {@link UsernameClaim} entities.
 *
 * <p>A first login creates the account first and links it second. When two first logins of one
 * identity race (on any nodes), both create an account, the {@link ExternalLink} entity takes the
 * first link, and the loser erases its own fresh account again (a tombstone, which also frees its
 * name) and signs in to the winner's. A link whose account was erased counts as no link and is
 * removed on the next use.
 */
public final class ExternalLogins implements ExternalIdentityPort {
  /** How many generated names a first login tries before giving up. */
  private static final int DERIVED_NAME_ATTEMPTS = 5;

  private static final String NO_EMAIL = "unknown@oidc.invalid";

  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final AccountDirectory accounts;

  public ExternalLogins(ActorSystem<?> system, AccountDirectory accounts, Duration timeout) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.accounts = accounts;
  }

  @Override
  public CompletionStage<Optional<PasswordLogin.Credentials>> linked(ExternalIdentity identity) {
    String key = key(identity);
    return holder(key)
        .thenCompose(
            holder -> {
              if (holder == null) {
                return CompletableFuture.completedFuture(Optional.empty());
              }
              return accounts
                  .findById(UUID.fromString(holder))
                  .thenCompose(
                      account ->
                          account.isPresent()
                              ? CompletableFuture.completedFuture(account)
                              : unlink(key, holder).thenApply(h -> Optional.empty()));
            });
  }

  @Override
  public CompletionStage<SignIn> signIn(
      ExternalIdentity identity, Optional<String> username, String passwordHash) {
    List<String> names = username.map(List::of).orElseGet(() -> derivedNames(identity));
    return register(names, 0, email(identity), passwordHash)
        .thenCompose(
            created -> {
              if (created.isEmpty()) {
                return CompletableFuture.completedFuture(new UsernameTaken(names.get(0)));
              }
              return settle(key(identity), created.get(), true);
            });
  }

  @Override
  public CompletionStage<LinkOutcome> link(ExternalIdentity identity, UUID accountId) {
    String key = key(identity);
    String id = accountId.toString();
    return claim(key, id)
        .thenCompose(
            holder -> {
              if (id.equals(holder)) {
                return CompletableFuture.completedFuture(new Linked(id));
              }
              return accounts
                  .findById(UUID.fromString(holder))
                  .thenCompose(
                      other ->
                          other.isPresent()
                              ? CompletableFuture.completedFuture(new LinkedElsewhere())
                              : unlink(key, holder)
                                  .thenCompose(h -> claim(key, id))
                                  .thenApply(
                                      h -> id.equals(h) ? new Linked(id) : new LinkedElsewhere()));
            });
  }

  /**
   * Links the freshly created account, or, when another account won the link, erases ours and signs
   * in to the winner's. {@code retry} allows one more round when the winner was erased.
   */
  private CompletionStage<SignIn> settle(String key, AccountPort.Registered ours, boolean retry) {
    return claim(key, ours.accountId())
        .thenCompose(
            holder -> {
              if (ours.accountId().equals(holder)) {
                return credentials(ours.accountId()).thenApply(c -> new SignedIn(c, true));
              }
              return accounts
                  .findById(UUID.fromString(holder))
                  .thenCompose(
                      winner -> {
                        if (winner.isPresent()) {
                          return discard(ours).thenApply(d -> new SignedIn(winner.get(), false));
                        }
                        if (!retry) {
                          throw new PortException(
                              PortException.Code.CONFLICT,
                              "the identity is being linked concurrently; try again");
                        }
                        return unlink(key, holder).thenCompose(h -> settle(key, ours, false));
                      });
            });
  }

  /** Registers the first free name of {@code names}; empty when all are taken. */
  private CompletionStage<Optional<AccountPort.Registered>> register(
      List<String> names, int index, String email, String passwordHash) {
    if (index >= names.size()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return accounts
        .register(names.get(index), email, passwordHash, Set.of(Role.PLAYER))
        .thenCompose(
            result ->
                result instanceof AccountPort.Registered r
                    ? CompletableFuture.completedFuture(Optional.of(r))
                    : register(names, index + 1, email, passwordHash));
  }

  /** Erases an account this login created but did not need, freeing its name. */
  private CompletionStage<Void> discard(AccountPort.Registered ours) {
    return sharding
        .entityRefFor(Account.ENTITY_KEY, ours.accountId())
        .<Account.Reply>ask(r -> new Account.Erase("oidc-first-login-race", r), timeout)
        .thenCompose(
            erased -> {
              String key = AccountRules.usernameKey(ours.username());
              return UsernameClaim.ref(system, key)
                  .thenCompose(
                      claim ->
                          claim.<UsernameClaim.Reply>ask(
                              r -> new UsernameClaim.Release(key, ours.accountId(), r), timeout));
            })
        .thenApply(released -> null);
  }

  private CompletionStage<PasswordLogin.Credentials> credentials(String accountId) {
    return accounts
        .findById(UUID.fromString(accountId))
        .thenApply(
            c ->
                c.orElseThrow(
                    () ->
                        new PortException(
                            PortException.Code.NOT_FOUND, "account " + accountId + " vanished")));
  }

  private CompletionStage<String> holder(String key) {
    return linkRef(key)
        .<ExternalLink.Holder>ask(ExternalLink.GetHolder::new, timeout)
        .thenApply(ExternalLink.Holder::accountId);
  }

  private CompletionStage<String> claim(String key, String accountId) {
    return linkRef(key)
        .<ExternalLink.Holder>ask(r -> new ExternalLink.Link(accountId, r), timeout)
        .thenApply(ExternalLink.Holder::accountId);
  }

  private CompletionStage<String> unlink(String key, String accountId) {
    return linkRef(key)
        .<ExternalLink.Holder>ask(r -> new ExternalLink.Unlink(accountId, r), timeout)
        .thenApply(ExternalLink.Holder::accountId);
  }

  private EntityRef<ExternalLink.Command> linkRef(String key) {
    return sharding.entityRefFor(ExternalLink.ENTITY_KEY, key);
  }

  private static String key(ExternalIdentity identity) {
    return ExternalLink.key(identity.provider(), identity.subject());
  }

  private static String email(ExternalIdentity identity) {
    return identity
        .email()
        .map(
            e -> {
              try {
                return AccountRules.validateEmail(e);
              } catch (InvalidAccountInputException invalid) {
                return NO_EMAIL;
              }
            })
        .orElse(NO_EMAIL);
  }

  /**
   * Names for a new account: the email's local part (only the allowed characters, at most 40), or
   * {@code <provider>_player}, then the same with random four-digit suffixes.
   */
  static List<String> derivedNames(ExternalIdentity identity) {
    String local =
        identity.email().map(e -> e.substring(0, Math.max(0, e.indexOf('@')))).orElse("");
    String base = local.replaceAll("[^a-zA-Z0-9_-]", "");
    if (base.length() > 40) {
      base = base.substring(0, 40);
    }
    if (base.length() < AccountRules.USERNAME_MIN) {
      base = identity.provider().toLowerCase(Locale.ROOT) + "_player";
    }
    List<String> names = new ArrayList<>();
    names.add(base);
    for (int i = 1; i < DERIVED_NAME_ATTEMPTS; i++) {
      names.add(base + "_" + ThreadLocalRandom.current().nextInt(1000, 10000));
    }
    return names;
  }
}
