package org.bluemarble.zone;

import java.time.Instant;

/**
 * Facts a cell's simulation produces that the {@code ZoneCell} actor persists as events; replaying
 * them through {@link ResourceField#apply} rebuilds the same state.
 */
public sealed interface ZoneFact {

  /** A player took {@code amount} units from a node, leaving {@code remaining}. */
  record ResourceHarvested(long nodeId, long playerId, int amount, int remaining, Instant at)
      implements ZoneFact {}

  /** A node ran empty at {@code at} and will be full again at {@code respawnAt}. */
  record ResourceDepleted(long nodeId, Instant at, Instant respawnAt) implements ZoneFact {}

  /** A depleted node became full again. */
  record ResourceRespawned(long nodeId, Instant at) implements ZoneFact {}
}
