package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.List;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;

/**
 * What one {@link CellSimulation#tick} changed, for the actor to send and persist. Lists are empty,
 * never null.
 *
 * @param tick the tick's number since the simulation started (1 for the first)
 * @param acks players due a snapshot this tick whose newest completed input was not acknowledged
 *     yet (at most one ack per player per snapshot interval), plus players handed off this tick
 * @param corrections players whose client prediction is wrong (clamped/rejected input, blocked
 *     step) with the authoritative state after the input concerned
 * @param handoffs players that left the cell this tick and must be handed to the owner cell; they
 *     are already removed here
 * @param facts facts to persist (resource respawns due this tick)
 * @param views the interest change and visible list of the players due a snapshot this tick (each
 *     player every {@code tickHz / snapshotHz} ticks, staggered by id)
 * @param ghosts every {@code tickHz / snapshotHz} ticks, one batch per neighbour (possibly empty,
 *     which clears what that neighbour knew from this cell)
 * @param checkpoints players whose position is due for a checkpoint
 * @param costNanos wall time the tick took, as measured by {@link System#nanoTime}
 */
public record TickReport(
    long tick,
    List<Ack> acks,
    List<Correction> corrections,
    List<Handoff> handoffs,
    List<ZoneFact> facts,
    List<PlayerView> views,
    List<GhostBatch> ghosts,
    List<Checkpoint> checkpoints,
    long costNanos) {

  /** Whether this tick carries ghost batches for the neighbours. */
  public boolean hasGhostBatches() {
    return !ghosts.isEmpty();
  }

  /**
   * The newest input a player completed ({@code sequence}) and where that left it: the state the
   * client's prediction after that input must equal (heading in degrees clockwise from north, 0
   * when standing).
   */
  public record Ack(long playerId, long sequence, GeoPosition position, double headingDeg) {}

  /**
   * The authoritative state a client must adopt after input {@code ackSequence}, and why (heading
   * in degrees clockwise from north, 0 when standing).
   */
  public record Correction(
      long playerId, GeoPosition position, long ackSequence, String reason, double headingDeg) {}

  /**
   * A player handed to {@code targetCell}, with everything the target needs so that no input is
   * lost or applied twice and the walk continues without a stop: its class, position, the last
   * processed sequence, the intent in force (a heading re-expressed at the new position) and the
   * inputs queued but not started yet, which the target plays next.
   */
  public record Handoff(
      long playerId,
      S2CellId targetCell,
      CharacterClass characterClass,
      GeoPosition position,
      long lastSequence,
      MovementInput.Intent intent,
      List<MovementInput> queued) {}

  /** One player's snapshot: what entered and left its interest, and what it sees now. */
  public record PlayerView(long playerId, InterestSet.Diff diff) {}

  /** The entities of this cell within AOI of neighbour {@code toCell}, to show there as ghosts. */
  public record GhostBatch(S2CellId fromCell, S2CellId toCell, List<GhostState> entities) {}

  /** An entity as a neighbour sees it. */
  public record GhostState(
      long id, EntityKind kind, GeoPosition position, double headingDeg, double speedMps) {}

  /** A player's position to checkpoint to its Player entity. */
  public record Checkpoint(long playerId, GeoPosition position) {}
}
