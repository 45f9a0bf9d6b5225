package org.bluemarble.zone;

import java.util.List;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.node.CborSerializable;

/**
 * What a {@link ZoneCell} pushes to a player's session: acknowledgements, corrections, snapshots of
 * the area of interest with enter/leave notices, and handoff notices. Sessions never ask cells per
 * tick; cells push these. The edge maps them to the client protocol.
 */
public sealed interface SessionEvent extends CborSerializable
    permits SessionEvent.InputAck,
        SessionEvent.Correction,
        SessionEvent.Snapshot,
        SessionEvent.EntityEntered,
        SessionEvent.EntityLeft,
        SessionEvent.HandedOff,
        SessionEvent.InputsDropped,
        SessionEvent.ChatHeard,
        SessionEvent.CombatFeed {

  /**
   * Every input up to {@code lastSequence} has been played (each for the protocol's input period),
   * and this is where the last one left the player: position in degrees and metres, heading in
   * degrees clockwise from north (0 when standing), at simulation tick {@code serverTick} of its
   * cell. A client reconciles by adopting this state and re-applying its inputs after {@code
   * lastSequence}. Sent at most once per snapshot interval, for the newest completed input.
   */
  record InputAck(
      long playerId,
      long lastSequence,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      double headingDeg,
      long serverTick)
      implements SessionEvent {}

  /**
   * The client's prediction is wrong: adopt this authoritative position (degrees, metres) and
   * heading (degrees clockwise from north, 0 when standing) and replay inputs after {@code
   * ackSequence}. {@code reason} names the verdict (CLAMPED, REJECTED, BLOCKED_DEEP_OCEAN,
   * BLOCKED_SLOPE, HANDOFF_REFUSED).
   */
  record Correction(
      long playerId,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      long ackSequence,
      String reason,
      double headingDeg)
      implements SessionEvent {}

  /**
   * The entities within the player's area of interest at simulation tick {@code tick} of cell
   * {@code cellId} (S2 token), by ascending entity id (the order the snapshot encoders merge in),
   * and the light at the cell. Each entry (degrees, metres, heading clockwise from north, and the
   * quantised snapshot state) is built once per tick by the cell and the same instance goes to
   * every observer, down to the edge's encoder.
   */
  record Snapshot(
      String cellId,
      long tick,
      long playerId,
      List<WorldListener.SeenEntity> visible,
      DayPhase dayPhase)
      implements SessionEvent {}

  /** An entity came into the area of interest. */
  record EntityEntered(long playerId, long entityId) implements SessionEvent {}

  /** An entity left the area of interest. */
  record EntityLeft(long playerId, long entityId) implements SessionEvent {}

  /** The player is now simulated by {@code newCellId} (S2 token); send inputs there. */
  record HandedOff(long playerId, String newCellId) implements SessionEvent {}

  /**
   * The player sent inputs faster than the cell processes them: {@code dropped} inputs were thrown
   * away this tick because {@code queueLimit} were already queued. Sent at most once per tick; the
   * edge should disconnect the client with reason "input flood".
   */
  record InputsDropped(long playerId, int dropped, int queueLimit) implements SessionEvent {}

  /** A Say or Yell the player heard (see {@link CellSay}). */
  record ChatHeard(long playerId, org.bluemarble.chat.ChatEntry entry) implements SessionEvent {}

  /**
   * What combat in the cell did this tick that {@code playerId} sees (its own refusals, and hits,
   * heals, effects, deaths, loot and respawns within its area of interest), in order; the health
   * and mana of the entities they changed; and for each {@link
   * org.bluemarble.zone.combat.CombatFact.Refused} in {@code facts}, in the same order, the
   * correlation id of the request it refuses (0 if unknown).
   */
  record CombatFeed(
      long playerId,
      List<org.bluemarble.zone.combat.CombatFact> facts,
      List<Vital> vitals,
      List<Long> refusedCorrelations)
      implements SessionEvent {
    public CombatFeed {
      facts = List.copyOf(facts);
      vitals = List.copyOf(vitals);
      refusedCorrelations = List.copyOf(refusedCorrelations);
    }

    public CombatFeed(long playerId, List<org.bluemarble.zone.combat.CombatFact> facts) {
      this(playerId, facts, List.of(), List.of());
    }

    /** Health and mana of one entity after the tick. */
    public record Vital(long entityId, int health, int maxHealth, int mana, int maxMana) {}
  }
}
