package org.bluemarble.node.resilience;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The journal's read side (read-journal queries: admin player search, the audit log, the ledger
 * audit) behind one {@link CircuitBreaker} per node, named {@code journal-reads}. A query that
 * fails or gives no answer within {@link #DEADLINE} counts as failed and completes with {@link
 * org.bluemarble.edge.port.PortException} UNAVAILABLE (503); while the breaker is open queries are
 * refused at once, so a database outage does not pile up slow scans on the connection pool the
 * entities' writes need. Entity recovery and writes do not pass it: they have their own backoff.
 */
public final class JournalReads implements Extension {
  /** A query without an answer this long counts as failed (scans of a large tag take a while). */
  public static final Duration DEADLINE = Duration.ofSeconds(30);

  private static final ExtensionId<JournalReads> ID =
      new ExtensionId<>() {
        @Override
        public JournalReads createExtension(ActorSystem<?> system) {
          return new JournalReads(
              new CircuitBreaker(
                  "journal-reads", BreakerSettings.fromConfig(system.settings().config())));
        }
      };

  private final CircuitBreaker breaker;

  private JournalReads(CircuitBreaker breaker) {
    this.breaker = breaker;
  }

  public static JournalReads get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  /** Runs one read-journal query through the breaker; every failure counts against it. */
  public <T> CompletionStage<T> guard(Supplier<? extends CompletionStage<T>> query) {
    return breaker.callAsync(query, t -> true, DEADLINE);
  }
}
