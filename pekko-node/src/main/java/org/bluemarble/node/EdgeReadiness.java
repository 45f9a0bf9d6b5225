package org.bluemarble.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Pekko Management readiness check ({@code pekko.management.health-checks.readiness-checks}):
 * {@code /ready} answers 200 only once this node's HTTP, WebSocket and UDP edges are bound, so a
 * load balancer (a Kubernetes Service) never sends players to a node that still refuses them.
 * Management starts early (cluster bootstrap needs it), long before the edges listen; the node
 * marks the edges bound after the binds complete and unbound again when shutdown begins.
 */
public final class EdgeReadiness implements Supplier<CompletionStage<Boolean>> {
  private final Edges edges;

  /** Management instantiates the check with the classic system. */
  public EdgeReadiness(org.apache.pekko.actor.ActorSystem system) {
    this.edges = Edges.get(Adapter.toTyped(system));
  }

  @Override
  public CompletionStage<Boolean> get() {
    return CompletableFuture.completedFuture(edges.bound());
  }

  /** Whether the edges of one node are bound: one per ActorSystem. */
  public static final class Edges implements Extension {
    private final AtomicBoolean bound = new AtomicBoolean();

    private Edges() {}

    /** This node's instance. */
    public static Edges get(ActorSystem<?> system) {
      return Id.INSTANCE.apply(system);
    }

    /** Called once HTTP (with WebSocket) and UDP accept connections. */
    public void markBound() {
      bound.set(true);
    }

    /** Called when the node starts to stop: not ready any more, so new players go elsewhere. */
    public void markUnbinding() {
      bound.set(false);
    }

    public boolean bound() {
      return bound.get();
    }
  }

  private static final class Id extends ExtensionId<Edges> {
    static final Id INSTANCE = new Id();

    @Override
    public Edges createExtension(ActorSystem<?> system) {
      return new Edges();
    }
  }
}
