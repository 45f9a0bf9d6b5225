package org.bluemarble.zone;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.spatial.GeoPosition;

/**
 * Turns one {@link TickReport} into the {@link SessionEvent}s each player's session receives:
 * acknowledgements, corrections, enter/leave notices and snapshots (positions read from the cell's
 * population, ghosts included).
 */
final class SessionPush {
  private SessionPush() {}

  static void push(
      TickReport report,
      CellPopulation population,
      CellRoster roster,
      String cellId,
      DayPhase dayPhase) {
    for (TickReport.Ack ack : report.acks()) {
      CellRoster.Link link = roster.get(ack.playerId());
      if (link != null) {
        link.session().tell(new SessionEvent.InputAck(ack.playerId(), ack.sequence()));
      }
    }
    for (TickReport.Correction c : report.corrections()) {
      CellRoster.Link link = roster.get(c.playerId());
      if (link != null) {
        GeoPosition p = c.position();
        link.session()
            .tell(
                new SessionEvent.Correction(
                    c.playerId(),
                    p.latitudeDeg(),
                    p.longitudeDeg(),
                    p.altitudeMeters(),
                    c.ackSequence(),
                    c.reason()));
      }
    }
    for (TickReport.PlayerView view : report.views()) {
      CellRoster.Link link = roster.get(view.playerId());
      if (link != null) {
        pushView(view, population, link, cellId, report.tick(), dayPhase);
      }
    }
  }

  private static void pushView(
      TickReport.PlayerView view,
      CellPopulation population,
      CellRoster.Link link,
      String cellId,
      long tick,
      DayPhase dayPhase) {
    long me = view.playerId();
    for (long id : view.diff().entered()) {
      link.session().tell(new SessionEvent.EntityEntered(me, id));
    }
    for (long id : view.diff().left()) {
      link.session().tell(new SessionEvent.EntityLeft(me, id));
    }
    long[] visible = view.diff().visibleNearestFirst();
    List<SessionEvent.EntityView> views = new ArrayList<>(visible.length);
    for (long id : visible) {
      int slot = population.slotOf(id);
      if (slot < 0) {
        continue;
      }
      GeoPosition p = population.position(slot);
      views.add(
          new SessionEvent.EntityView(
              id,
              p.latitudeDeg(),
              p.longitudeDeg(),
              p.altitudeMeters(),
              population.headingDeg(slot),
              population.kind(slot)));
    }
    link.session().tell(new SessionEvent.Snapshot(cellId, tick, me, views, dayPhase));
  }
}
