package org.bluemarble.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.spatial.GeoPosition;

/**
 * Turns one {@link TickReport} into the {@link SessionEvent}s each player's session receives:
 * acknowledgements, corrections, enter/leave notices and snapshots (positions read from the cell's
 * population, ghosts included). Each entity's {@link WorldListener.SeenEntity}, with its quantised
 * snapshot state, is built once per tick and shared by every snapshot that shows it (they are
 * immutable) down to the edge's encoders, so a crowd costs one conversion and one quantisation per
 * entity rather than one per observer and entity. An entity whose quantised state did not change
 * keeps last tick's {@link EntityState} instance, which the encoders recognise by identity. A
 * session whose presence runs on this node gets its events through the sink it registered in {@link
 * SessionSinks} (a direct call on the cell's thread), any other by a message. One instance per
 * cell.
 */
final class SessionPush {
  private final Quantiser quantiser;
  private final SessionSinks sinks;
  private WorldListener.SeenEntity[] views = new WorldListener.SeenEntity[64];

  /** The tick each entry of {@link #views} was built for; 0 = never (ticks start at 1). */
  private long[] builtAt = new long[64];

  /** A push for a planet of {@code radiusMeters} (the radius the edge's EnteredWorld announces). */
  SessionPush(double radiusMeters) {
    this(radiusMeters, null);
  }

  /**
   * A push that calls the {@link SessionSinks.Sink} a session registered on this node instead of
   * telling its actor ({@code sinks} null: always tell).
   */
  SessionPush(double radiusMeters, SessionSinks sinks) {
    this.quantiser = new Quantiser(radiusMeters);
    this.sinks = sinks;
  }

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
        send(
            link,
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
        send(
            link,
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
      send(link, new SessionEvent.EntityEntered(me, id));
    }
    for (long id : view.diff().left()) {
      send(link, new SessionEvent.EntityLeft(me, id));
    }
    long[] visible = view.diff().visible();
    List<WorldListener.SeenEntity> seen = new ArrayList<>(visible.length + 1);
    // The player's own entity is part of its snapshots, as EnteredWorld promises (the area of
    // interest excludes the observer, so it is added here), at its place in id order: the AOI
    // result comes in ascending id order, which the edge's encoder then need not sort.
    int own = population.slotOf(me);
    // The AOI query's slots spare a lookup per entity while the population is the one it ran on.
    int[] slots = view.diff().visibleSlots();
    for (int i = 0; i < visible.length; i++) {
      long id = visible[i];
      if (id == me) {
        continue;
      }
      if (own >= 0 && id > me) {
        seen.add(viewOf(population, own, tick));
        own = -1;
      }
      int slot = slots != null ? slots[i] : -1;
      if (slot < 0 || slot >= population.size() || population.id(slot) != id) {
        slot = population.slotOf(id);
      }
      if (slot >= 0) {
        seen.add(viewOf(population, slot, tick));
      }
    }
    if (own >= 0) {
      seen.add(viewOf(population, own, tick));
    }
    send(link, new SessionEvent.Snapshot(cellId, tick, me, seen, dayPhase));
  }

  /** To the session's sink on this node if it registered one, else to its actor. */
  private void send(CellRoster.Link link, SessionEvent event) {
    SessionTraffic.count(link.session());
    SessionSinks.Sink sink = sinks == null ? null : sinks.find(link.session());
    if (sink != null) {
      sink.deliver(event);
    } else {
      link.session().tell(event);
    }
  }

  /** The view of {@code slot} at {@code tick}, built on first use in that tick. */
  private WorldListener.SeenEntity viewOf(CellPopulation population, int slot, long tick) {
    if (slot >= views.length) {
      int n = Math.max(slot + 1, views.length * 2);
      views = Arrays.copyOf(views, n);
      builtAt = Arrays.copyOf(builtAt, n);
    }
    WorldListener.SeenEntity v = views[slot];
    long id = population.id(slot);
    if (builtAt[slot] != tick || v == null || v.entityId() != id) {
      GeoPosition p = population.position(slot);
      double heading = population.headingDeg(slot);
      EntityState state = quantise(id, p, heading);
      if (v != null && v.entityId() == id && state != null && state.equals(v.state())) {
        state = v.state();
      }
      v =
          new WorldListener.SeenEntity(
              id,
              kindOf(population.kind(slot)),
              p.latitudeDeg(),
              p.longitudeDeg(),
              p.altitudeMeters(),
              heading,
              state);
      views[slot] = v;
      builtAt[slot] = tick;
    }
    return v;
  }

  private EntityState quantise(long id, GeoPosition p, double headingDeg) {
    try {
      return quantiser.quantise(
          id, p.latitudeDeg(), p.longitudeDeg(), p.altitudeMeters(), headingDeg);
    } catch (IllegalArgumentException outOfRange) {
      return null;
    }
  }

  static WorldListener.Kind kindOf(EntityKind kind) {
    if (kind == null) {
      return WorldListener.Kind.OTHER;
    }
    return switch (kind) {
      case PLAYER -> WorldListener.Kind.PLAYER;
      case NPC -> WorldListener.Kind.NPC;
      case RESOURCE_NODE -> WorldListener.Kind.RESOURCE;
    };
  }
}
