package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.spatial.GeoPosition;

/**
 * Converts between the simulation's reports and the {@link ZoneCell} messages that cross the wire
 * (plain numbers and tokens instead of S2 and sealed types).
 */
final class CellMessages {
  private CellMessages() {}

  /** The EnterCell a cell sends to {@code handoff.targetCell()} for a player leaving it. */
  static ZoneCell.EnterCell enterFor(
      TickReport.Handoff h, CellRoster.Link link, ActorRef<ZoneCell.Reply> replyTo) {
    GeoPosition p = h.position();
    return new ZoneCell.EnterCell(
        link.playerId(),
        h.characterClass().name(),
        p.latitudeDeg(),
        p.longitudeDeg(),
        p.altitudeMeters(),
        h.lastSequence(),
        WireIntent.of(h.intent()),
        link.session(),
        replyTo);
  }

  /** The SubmitInput that replays a queued {@code input} of {@code link}'s player elsewhere. */
  static ZoneCell.SubmitInput inputFor(CellRoster.Link link, MovementInput input) {
    return new ZoneCell.SubmitInput(
        link.playerId(), input.sequence(), WireIntent.of(input.intent()), input.clientTimeMillis());
  }

  /** The wire form of a ghost batch. */
  static ZoneCell.Ghosts ghostsOf(TickReport.GhostBatch batch) {
    List<GhostEntry> entries = new ArrayList<>(batch.entities().size());
    for (TickReport.GhostState g : batch.entities()) {
      GeoPosition p = g.position();
      entries.add(
          new GhostEntry(
              g.id(),
              g.kind(),
              p.latitudeDeg(),
              p.longitudeDeg(),
              p.altitudeMeters(),
              g.headingDeg(),
              g.speedMps()));
    }
    return new ZoneCell.Ghosts(CellIds.entityId(batch.fromCell()), entries);
  }

  /**
   * The simulation form of a received batch.
   *
   * @throws IllegalArgumentException (or the spatial module's invalid-coordinate exception) for a
   *     malformed cell id or coordinate
   */
  static TickReport.GhostBatch batchOf(ZoneCell.Ghosts msg, S2CellId self) {
    S2CellId from = CellIds.parse(msg.fromCellId(), self.level());
    List<TickReport.GhostState> states = new ArrayList<>(msg.batch().size());
    for (GhostEntry e : msg.batch()) {
      GeoPosition p = new GeoPosition(e.latitudeDeg(), e.longitudeDeg(), e.altitudeMeters());
      states.add(new TickReport.GhostState(e.id(), e.kind(), p, e.headingDeg(), e.speedMps()));
    }
    return new TickReport.GhostBatch(from, self, states);
  }

  static ZoneCell.Event eventOf(String cellId, ZoneFact fact) {
    if (fact instanceof ZoneFact.ResourceHarvested h) {
      return new ZoneCell.ResourceHarvested(
          cellId, h.nodeId(), h.playerId(), h.amount(), h.remaining(), h.at());
    }
    if (fact instanceof ZoneFact.ResourceDepleted d) {
      return new ZoneCell.ResourceDepleted(cellId, d.nodeId(), d.at(), d.respawnAt());
    }
    if (fact instanceof ZoneFact.CombatKill k) {
      return new ZoneCell.CombatKilled(
          cellId,
          k.tick(),
          k.victimId(),
          k.victimIsPlayer(),
          k.killerId(),
          k.abilityId(),
          k.experience(),
          k.at());
    }
    if (fact instanceof ZoneFact.CombatLoot l) {
      return new ZoneCell.CombatLooted(
          cellId,
          l.tick(),
          l.playerId(),
          l.victimId(),
          l.lootKey(),
          l.copper(),
          l.items(),
          l.at(),
          l.holder());
    }
    if (fact instanceof ZoneFact.CombatDamage d) {
      return new ZoneCell.CombatDamaged(cellId, d.tick(), d.abilities(), d.at());
    }
    ZoneFact.ResourceRespawned r = (ZoneFact.ResourceRespawned) fact;
    return new ZoneCell.ResourceRespawned(cellId, r.nodeId(), r.at());
  }

  /** The events recording {@code facts} of cell {@code cellId}. */
  static List<ZoneCell.Event> events(String cellId, List<ZoneFact> facts) {
    List<ZoneCell.Event> out = new ArrayList<>(facts.size());
    facts.forEach(f -> out.add(eventOf(cellId, f)));
    return out;
  }
}
