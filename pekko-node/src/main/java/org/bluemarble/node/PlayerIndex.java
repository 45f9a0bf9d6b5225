package org.bluemarble.node;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.bluemarble.edge.port.PlayerAdminPort.PlayerSummary;

/**
 * The player summaries of the event stream's read model: the characters whose name contains a part
 * (ignoring case), in creation order, or empty while the read model is behind the journal.
 */
public interface PlayerIndex {
  CompletionStage<Optional<List<PlayerSummary>>> search(String part, int limit);

  /** No read model: every search scans the journal. */
  PlayerIndex NONE = (part, limit) -> CompletableFuture.completedFuture(Optional.empty());
}
