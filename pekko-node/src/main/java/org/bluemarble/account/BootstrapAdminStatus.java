package org.bluemarble.account;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * Whether this node has ensured its {@code BLUEMARBLE_BOOTSTRAP_ADMIN} account (created it, or
 * found the name taken). {@link BootstrapAdminReadiness} reports the node not ready until then.
 */
public final class BootstrapAdminStatus implements Extension {
  private final AtomicBoolean ensured = new AtomicBoolean();

  private BootstrapAdminStatus() {}

  /** This node's instance. */
  public static BootstrapAdminStatus get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /** Called once the bootstrap admin exists. */
  public void markEnsured() {
    ensured.set(true);
  }

  public boolean ensured() {
    return ensured.get();
  }

  private static final class Id extends ExtensionId<BootstrapAdminStatus> {
    static final Id INSTANCE = new Id();

    @Override
    public BootstrapAdminStatus createExtension(ActorSystem<?> system) {
      return new BootstrapAdminStatus();
    }
  }
}
