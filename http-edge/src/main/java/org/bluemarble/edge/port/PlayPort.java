package org.bluemarble.edge.port;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Being in the world, for the game edges (WebSocket and UDP): transport-neutral, so both edges and
 * tests drive the same implementation. {@code pekko-node} implements it with one presence actor per
 * player; the edge never sees an actor or a cell.
 *
 * <p>Failures complete the stages exceptionally with a {@link PortException}: NOT_FOUND for a
 * player that is not a character of the account, UNAVAILABLE when the world did not answer in time.
 */
public interface PlayPort {

  /** The character ids of {@code accountId} (empty for an unknown account). */
  CompletionStage<List<String>> characters(String accountId);

  /**
   * Puts {@code playerId} (a character of {@code accountId}) into the world, or resumes its
   * presence if it is still there (within the grace period after a dropped connection, or held by
   * another connection, which is then ended with {@link WorldListener.EndReason#REPLACED}).
   * Everything the world says about the player goes to {@code listener} from then on.
   */
  CompletionStage<Presence> enter(String accountId, String playerId, WorldListener listener);

  /**
   * The display name of the player whose entity is {@code entityId} if this node knows it (never
   * blocks); null if not (yet), and for creatures and resources.
   */
  default String displayName(long entityId) {
    return null;
  }

  /**
   * The display name of the player whose entity is {@code entityId}, asking the cluster if this
   * node has not heard it yet; empty if nobody knows it.
   */
  default CompletionStage<java.util.Optional<String>> lookupDisplayName(long entityId) {
    return java.util.concurrent.CompletableFuture.completedFuture(
        java.util.Optional.ofNullable(displayName(entityId)));
  }

  /**
   * Where the character of {@code accountId} that is in the world stands (its presence's latest
   * authoritative position), on whichever node its presence runs; empty when none of the account's
   * characters is in the world.
   */
  default CompletionStage<java.util.Optional<PlayPosition>> whereIs(String accountId) {
    return java.util.concurrent.CompletableFuture.completedFuture(java.util.Optional.empty());
  }
}
