package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.spatial.GeoPosition;
import org.slf4j.Logger;

/**
 * Players entering and leaving one {@link ZoneCell}: validates {@code EnterCell}, puts the player
 * into the simulation and the roster, and on {@code LeaveCell} takes it out with a final
 * checkpoint. Also queues inputs (counting those a flooding client overflows) or forwards them
 * after a handoff, and lets players here harvest. Answers with the reply the cell sends back; not
 * thread-safe (one actor owns it).
 */
final class CellAdmission {
  private final String cellId;
  private final CellSimulation sim;
  private final CellRoster roster;
  private final CellTicker ticker;
  private final CellOutbox outbox;

  CellAdmission(CellSimulation sim, CellRoster roster, CellTicker ticker, CellOutbox outbox) {
    this.cellId = CellIds.entityId(sim.cellId());
    this.sim = sim;
    this.roster = roster;
    this.ticker = ticker;
    this.outbox = outbox;
  }

  ZoneCell.Reply enter(ZoneCell.EnterCell cmd) {
    Optional<CharacterClass> cls = CharacterClass.parse(cmd.characterClass());
    if (cls.isEmpty() || cmd.session() == null) {
      return new ZoneCell.Rejected(
          ZoneCell.Reason.INVALID_INPUT,
          "class must be one of " + CharacterClass.allowed() + " and a session given");
    }
    long id;
    try {
      id = PlayerIds.simulationId(cmd.playerId());
      GeoPosition at = new GeoPosition(cmd.latitudeDeg(), cmd.longitudeDeg(), cmd.altitudeMeters());
      MovementInput.Intent intent = cmd.intent() == null ? null : cmd.intent().toIntent();
      sim.enter(id, cls.get(), at, cmd.lastSequence(), intent);
    } catch (IllegalArgumentException e) {
      return new ZoneCell.Rejected(ZoneCell.Reason.INVALID_INPUT, e.getMessage());
    }
    roster.add(id, new CellRoster.Link(cmd.playerId(), cmd.session()));
    ticker.active();
    return new ZoneCell.Entered(cellId, cmd.playerId(), id);
  }

  ZoneCell.Reply leave(ZoneCell.LeaveCell cmd) {
    long id = PlayerIds.simulationId(cmd.playerId());
    TickReport.Checkpoint last = sim.leave(id);
    if (last == null) {
      return new ZoneCell.Rejected(
          ZoneCell.Reason.NOT_HERE, "player " + cmd.playerId() + " not in " + cellId);
    }
    roster.remove(id);
    outbox.checkpoint(cmd.playerId(), last.position());
    GeoPosition p = last.position();
    return new ZoneCell.Left(
        cellId, cmd.playerId(), p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters());
  }

  /** Where a player here stands; it stays in the simulation. */
  ZoneCell.Reply locate(ZoneCell.Locate cmd) {
    long id = PlayerIds.simulationId(cmd.playerId());
    GeoPosition p = roster.get(id) == null ? null : sim.positionOf(id);
    if (p == null) {
      return new ZoneCell.Rejected(
          ZoneCell.Reason.NOT_HERE, "player " + cmd.playerId() + " not in " + cellId);
    }
    return new ZoneCell.Located(
        cellId, cmd.playerId(), p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters());
  }

  /** A harvest's facts to persist before answering {@code reply}; no facts: a refusal. */
  record Harvesting(List<ZoneFact> facts, ZoneCell.Reply reply) {}

  /** Takes units from a resource node for a player here at {@code now}. */
  Harvesting harvest(ZoneCell.Harvest cmd, Instant now) {
    if (cmd.amount() <= 0) {
      return refused(ZoneCell.Reason.INVALID_INPUT, "amount must be > 0, was " + cmd.amount());
    }
    long id = PlayerIds.simulationId(cmd.playerId());
    if (cmd.reachMeters() > 0 && !ticker.fights().reaches(id, cmd.nodeId(), cmd.reachMeters())) {
      return refused(
          ZoneCell.Reason.OUT_OF_REACH,
          "resource node " + cmd.nodeId() + " is not within " + cmd.reachMeters() + " m");
    }
    List<ZoneFact> facts = sim.harvest(id, cmd.nodeId(), cmd.amount(), now);
    if (facts.isEmpty()) {
      return refused(
          ZoneCell.Reason.NOT_HERE,
          "no player " + cmd.playerId() + " or available node " + cmd.nodeId() + " here");
    }
    ZoneFact.ResourceHarvested h = (ZoneFact.ResourceHarvested) facts.get(0);
    return new Harvesting(
        facts,
        new ZoneCell.Harvested(
            h.nodeId(), h.amount(), h.remaining(), sim.resources().view(h.nodeId()).kind()));
  }

  private static Harvesting refused(ZoneCell.Reason reason, String message) {
    return new Harvesting(List.of(), new ZoneCell.Rejected(reason, message));
  }

  /** Queues an input of a player here, forwards it after a recent handoff, or drops it. */
  void input(ZoneCell.SubmitInput cmd, Logger log) {
    if (cmd.playerId() == null || cmd.playerId().isBlank() || cmd.intent() == null) {
      log.debug("dropping malformed input {}", cmd);
      return;
    }
    long id = PlayerIds.simulationId(cmd.playerId());
    if (roster.get(id) != null) {
      MovementInput input =
          new MovementInput(cmd.sequence(), cmd.intent().toIntent(), cmd.clientTimeMillis());
      if (!sim.offer(id, input)) {
        ticker.inputDropped(id);
      }
      return;
    }
    S2CellId next = roster.forwardOf(id);
    if (next != null) {
      outbox.toCell(next, cmd);
    }
  }
}
