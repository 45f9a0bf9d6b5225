package org.bluemarble.zone;

import com.google.common.geometry.S1Angle;
import com.google.common.geometry.S2Cap;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2LatLng;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2RegionCoverer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bluemarble.spatial.GeoPosition;

/**
 * Say and Yell in one zone cell: the players it simulates within the line's radius hear it, and the
 * cell the speaker stands in relays it once to every other zone cell the disc around the speaker
 * touches (an S2 cap, so cell edges, faces and the antimeridian need nothing special). A relayed
 * line is never relayed again.
 */
final class CellSay {
  private final S2CellId cell;
  private final CellSimulation sim;
  private final CellRoster roster;
  private final CellOutbox outbox;

  CellSay(S2CellId cell, CellSimulation sim, CellRoster roster, CellOutbox outbox) {
    this.cell = cell;
    this.sim = sim;
    this.roster = roster;
    this.outbox = outbox;
  }

  /**
   * Delivers {@code say} to the players here within its radius, and relays it if it starts here.
   */
  void hear(ZoneCell.Say say) {
    S2Point speaker = S2LatLng.fromDegrees(say.latitudeDeg(), say.longitudeDeg()).toPoint();
    for (Map.Entry<Long, GeoPosition> p : sim.playerPositions().entrySet()) {
      GeoPosition g = p.getValue();
      S2Point at = S2LatLng.fromDegrees(g.latitudeDeg(), g.longitudeDeg()).toPoint();
      if (speaker.angle(at) <= say.radiusRadians()) {
        CellRoster.Link link = roster.get(p.getKey());
        if (link != null) {
          link.session().tell(new SessionEvent.ChatHeard(p.getKey(), say.entry()));
        }
      }
    }
    if (!say.relayed()) {
      ZoneCell.Say relay =
          new ZoneCell.Say(
              say.entry(), say.latitudeDeg(), say.longitudeDeg(), say.radiusRadians(), true);
      for (S2CellId other : cellsWithin(speaker, say.radiusRadians(), cell.level())) {
        if (!other.equals(cell)) {
          outbox.toCell(other, relay);
        }
      }
    }
  }

  /** The cells at {@code level} a disc of {@code radiusRadians} around {@code centre} touches. */
  static List<S2CellId> cellsWithin(S2Point centre, double radiusRadians, int level) {
    S2Cap cap = S2Cap.fromAxisAngle(centre, S1Angle.radians(radiusRadians));
    S2RegionCoverer coverer =
        S2RegionCoverer.builder().setMinLevel(level).setMaxLevel(level).setMaxCells(64).build();
    ArrayList<S2CellId> out = new ArrayList<>();
    coverer.getCovering(cap, out);
    return out;
  }
}
