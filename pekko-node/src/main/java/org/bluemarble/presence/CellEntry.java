package org.bluemarble.presence;

import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.zone.CellIds;
import org.bluemarble.zone.SessionEvent;
import org.bluemarble.zone.ZoneCell;
import org.bluemarble.zone.ZoneSettings;

/** What a {@link PresenceActor} says to a zone cell to enter, and what it tells the edge after. */
final class CellEntry {
  private CellEntry() {}

  /** The entity id of the zone cell containing {@code position}. */
  static String cellIdAt(PlayPosition position, ZoneSettings zone) {
    return CellIds.entityId(
        SpatialCells.cellAt(
            new GeoPosition(
                position.latitudeDeg(), position.longitudeDeg(), position.altitudeMeters()),
            zone.zoneLevel()));
  }

  /** The EnterCell command for a player at {@code position}. */
  static ZoneCell.EnterCell enter(
      String playerId,
      String characterClass,
      PlayPosition position,
      long lastSequence,
      ActorRef<SessionEvent> session,
      ActorRef<ZoneCell.Reply> replyTo) {
    return new ZoneCell.EnterCell(
        playerId,
        characterClass,
        position.latitudeDeg(),
        position.longitudeDeg(),
        position.altitudeMeters(),
        lastSequence,
        null,
        session,
        replyTo);
  }

  /** What the edge learns once the player is in a cell ({@code resumed} after a re-entry). */
  static Presence.Entered entered(
      long entityId,
      PlayPosition position,
      long lastSequence,
      ZoneSettings zone,
      String characterClass,
      boolean resumed) {
    double maxSpeed =
        CharacterClass.parse(characterClass)
            .map(zone::maxSpeedOf)
            .orElse(MovementIntegrator.MAX_SPEED_MPS);
    return new Presence.Entered(
        entityId,
        position,
        0.0,
        lastSequence,
        zone.tickHz(),
        zone.snapshotHz(),
        zone.sphere().radiusMeters(),
        maxSpeed,
        resumed);
  }
}
