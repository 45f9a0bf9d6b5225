package org.bluemarble.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bluemarble.spatial.GeoPosition;

/**
 * Turns one {@link TickReport} into the {@link SessionEvent}s each player's session receives:
 * acknowledgements, corrections, enter/leave notices and snapshots (positions read from the cell's
 * population, ghosts included). Each entity's {@link SessionEvent.EntityView} is built once per
 * tick and shared by every snapshot that shows it (they are immutable), so a crowd costs one
 * conversion per entity rather than one per observer and entity. One instance per cell.
 */
final class SessionPush {
  private SessionEvent.EntityView[] views = new SessionEvent.EntityView[64];

  /** The tick each entry of {@link #views} was built for; 0 = never (ticks start at 1). */
  private long[] builtAt = new long[64];

  void push(
      TickReport report,
      CellPopulation population,
      CellRoster roster,
      String cellId,
      DayPhase dayPhase) {
    for (TickReport.Ack ack : report.acks()) {
      CellRoster.Link link = roster.get(ack.playerId());
      if (link != null) {
        GeoPosition p = ack.position();
        link.session()
            .tell(
                new SessionEvent.InputAck(
                    ack.playerId(),
                    ack.sequence(),
                    p.latitudeDeg(),
                    p.longitudeDeg(),
                    p.altitudeMeters(),
                    ack.headingDeg(),
                    report.tick()));
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
                    c.reason(),
                    c.headingDeg()));
      }
    }
    for (TickReport.PlayerView view : report.views()) {
      CellRoster.Link link = roster.get(view.playerId());
      if (link != null) {
        pushView(view, population, link, cellId, report.tick(), dayPhase);
      }
    }
  }

  private void pushView(
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
    List<SessionEvent.EntityView> seen = new ArrayList<>(visible.length + 1);
    // The player's own entity is part of its snapshots, as EnteredWorld promises (the area of
    // interest excludes the observer, so it is added here).
    int own = population.slotOf(me);
    if (own >= 0) {
      seen.add(viewOf(population, own, tick));
    }
    for (long id : visible) {
      int slot = id == me ? -1 : population.slotOf(id);
      if (slot >= 0) {
        seen.add(viewOf(population, slot, tick));
      }
    }
    link.session().tell(new SessionEvent.Snapshot(cellId, tick, me, seen, dayPhase));
  }

  /** The view of {@code slot} at {@code tick}, built on first use in that tick. */
  private SessionEvent.EntityView viewOf(CellPopulation population, int slot, long tick) {
    if (slot >= views.length) {
      int n = Math.max(slot + 1, views.length * 2);
      views = Arrays.copyOf(views, n);
      builtAt = Arrays.copyOf(builtAt, n);
    }
    SessionEvent.EntityView v = views[slot];
    if (builtAt[slot] != tick || v == null || v.entityId() != population.id(slot)) {
      GeoPosition p = population.position(slot);
      v =
          new SessionEvent.EntityView(
              population.id(slot),
              p.latitudeDeg(),
              p.longitudeDeg(),
              p.altitudeMeters(),
              population.headingDeg(slot),
              population.kind(slot));
      views[slot] = v;
      builtAt[slot] = tick;
    }
    return v;
  }
}
