package org.bluemarble.presence;

import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.zone.SessionEvent;

/** {@link SessionEvent}s of a cell → the play port's {@link WorldListener} calls, in one place. */
final class PresenceEvents {
  private PresenceEvents() {}

  /** What the presence itself learns from an event. */
  interface Observer {
    void observed(long ackedSequence, PlayPosition ownPosition, boolean snapshot);
  }

  /**
   * Tells {@code observer} what changed and forwards the event to {@code listener} (may be null).
   */
  static void deliver(SessionEvent event, WorldListener listener, Observer observer) {
    if (event instanceof SessionEvent.InputAck a) {
      PlayPosition p = new PlayPosition(a.latitudeDeg(), a.longitudeDeg(), a.altitudeMeters());
      observer.observed(a.lastSequence(), p, false);
      if (listener != null) {
        listener.onInputAck(a.lastSequence(), p, a.headingDeg(), a.serverTick());
      }
    } else if (event instanceof SessionEvent.Correction c) {
      PlayPosition p = new PlayPosition(c.latitudeDeg(), c.longitudeDeg(), c.altitudeMeters());
      observer.observed(c.ackSequence(), p, false);
      if (listener != null) {
        listener.onCorrection(c.ackSequence(), p, c.reason(), c.headingDeg());
      }
    } else if (event instanceof SessionEvent.Snapshot s) {
      observer.observed(0, null, true);
      if (listener != null) {
        listener.onSnapshot(s.tick(), s.visible());
      }
    } else if (event instanceof SessionEvent.EntityEntered e) {
      if (listener != null) {
        listener.onEntityEntered(e.entityId());
      }
    } else if (event instanceof SessionEvent.EntityLeft l) {
      if (listener != null) {
        listener.onEntityLeft(l.entityId());
      }
    }
  }
}
