package org.bluemarble.account;

import java.util.EnumSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.bluemarble.auth.AccountRules;
import org.bluemarble.auth.InvalidAccountInputException;
import org.bluemarble.auth.PasswordHasher;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.port.AccountPort;

/**
 * The first admin, from {@code bluemarble.auth.bootstrap-admin} ({@code
 * BLUEMARBLE_BOOTSTRAP_ADMIN=name:password}): created at start with roles Player and Admin when the
 * name is free; nothing happens when it is taken, whoever holds it. The node reports ready ({@link
 * BootstrapAdminReadiness}) only after this has succeeded; failures (a cluster still forming) are
 * retried every {@link #RETRY_DELAY}.
 */
public final class BootstrapAdmin {
  /** The name and password to create. */
  public record Credentials(String username, String password) {}

  /** Pause between attempts while registration fails. */
  public static final java.time.Duration RETRY_DELAY = java.time.Duration.ofSeconds(5);

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(BootstrapAdmin.class);

  private BootstrapAdmin() {}

  /**
   * Parses {@code name:password}; empty for an empty value.
   *
   * @throws IllegalArgumentException naming the variable when the value breaks the format or the
   *     account rules (the message never contains the password)
   */
  public static Optional<Credentials> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    int colon = value.indexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw new IllegalArgumentException(
          "BLUEMARBLE_BOOTSTRAP_ADMIN (bluemarble.auth.bootstrap-admin) must be name:password");
    }
    String name = value.substring(0, colon);
    String password = value.substring(colon + 1);
    try {
      AccountRules.validateUsername(name);
      AccountRules.validatePassword(password, name);
    } catch (InvalidAccountInputException e) {
      throw new IllegalArgumentException(
          "BLUEMARBLE_BOOTSTRAP_ADMIN (bluemarble.auth.bootstrap-admin): " + e.getMessage(), e);
    }
    return Optional.of(new Credentials(name, password));
  }

  /**
   * Hashes on {@code blocking} and registers; completes with what registration did (a taken name is
   * {@link AccountPort.UsernameTaken}, not a failure).
   */
  public static CompletionStage<AccountPort.Registration> ensure(
      Credentials admin, AccountPort accounts, PasswordHasher hasher, Executor blocking) {
    return CompletableFuture.supplyAsync(() -> hasher.hash(admin.password()), blocking)
        .thenCompose(
            hash ->
                accounts.register(
                    admin.username(),
                    admin.username().toLowerCase(java.util.Locale.ROOT) + "@bootstrap.invalid",
                    hash,
                    EnumSet.of(Role.PLAYER, Role.ADMIN)));
  }

  /**
   * Ensures the admin in the background, retrying until it succeeds, then marks {@link
   * BootstrapAdminStatus} of {@code system}.
   */
  public static void ensureInBackground(
      org.apache.pekko.actor.typed.ActorSystem<?> system,
      Credentials admin,
      AccountPort accounts,
      PasswordHasher hasher,
      Executor blocking) {
    ensure(admin, accounts, hasher, blocking)
        .whenComplete(
            (result, failure) -> {
              if (failure == null) {
                if (result instanceof AccountPort.Registered r) {
                  log.info("bootstrap admin {} created as {}", r.username(), r.accountId());
                } else {
                  log.info("bootstrap admin {} exists already; left unchanged", admin.username());
                }
                BootstrapAdminStatus.get(system).markEnsured();
                return;
              }
              log.warn(
                  "cannot create the bootstrap admin {} yet ({}); retrying in {}",
                  admin.username(),
                  failure.toString(),
                  RETRY_DELAY);
              if (!system.getWhenTerminated().toCompletableFuture().isDone()) {
                CompletableFuture.delayedExecutor(
                        RETRY_DELAY.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS,
                        blocking)
                    .execute(() -> ensureInBackground(system, admin, accounts, hasher, blocking));
              }
            });
  }
}
