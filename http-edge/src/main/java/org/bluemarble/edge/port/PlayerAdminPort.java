package org.bluemarble.edge.port;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Creating and reading player characters (admin API). */
public interface PlayerAdminPort {

  /**
   * Creates a character with a new id; fails with {@link PortException} (INVALID_INPUT) when the
   * game refuses it.
   */
  CompletionStage<PlayerView> create(String name, String characterClass);

  /** The character's profile, or empty when there is no such player. */
  CompletionStage<Optional<PlayerView>> find(UUID playerId);

  /**
   * Characters whose name contains {@code nameContains} (ignoring case), at most {@code limit}, in
   * creation order.
   */
  CompletionStage<List<PlayerView>> search(String nameContains, int limit);
}
