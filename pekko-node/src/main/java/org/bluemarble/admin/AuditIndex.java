package org.bluemarble.admin;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.edge.port.AuditPort;

/**
 * A read model of the audit log that answers queries from indexed columns instead of replaying the
 * log. It answers empty while it is behind the journal, and {@link AuditJournal} then replays the
 * journal as before, so a query never misses an entry already recorded.
 */
public interface AuditIndex {
  /** No read model: every query replays the journal. */
  AuditIndex NONE = query -> CompletableFuture.completedFuture(Optional.empty());

  /** The page, or empty when the read model has not caught up with the journal. */
  CompletionStage<Optional<AuditPort.Page>> find(AuditPort.Query query);
}
