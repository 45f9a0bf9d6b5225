package org.bluemarble.account;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Pekko Management readiness check ({@code pekko.management.health-checks.readiness-checks}):
 * {@code /ready} answers 200 only once the {@code BLUEMARBLE_BOOTSTRAP_ADMIN} account has been
 * ensured, so scripts can wait for {@code /ready} and log in as that admin at once. Always ready
 * when no bootstrap admin is configured.
 */
public final class BootstrapAdminReadiness implements Supplier<CompletionStage<Boolean>> {
  private final org.apache.pekko.actor.typed.ActorSystem<?> system;
  private final boolean configured;

  /** Management instantiates the check with the classic system. */
  public BootstrapAdminReadiness(ActorSystem system) {
    this.system = Adapter.toTyped(system);
    this.configured =
        !system.settings().config().getString("bluemarble.auth.bootstrap-admin").isBlank();
  }

  @Override
  public CompletionStage<Boolean> get() {
    return CompletableFuture.completedFuture(
        !configured || BootstrapAdminStatus.get(system).ensured());
  }
}
