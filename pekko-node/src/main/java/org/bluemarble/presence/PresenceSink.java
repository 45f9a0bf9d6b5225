package org.bluemarble.presence;

import java.util.concurrent.atomic.AtomicLong;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.names.OnlinePlayers;
import org.bluemarble.zone.SessionEvent;
import org.bluemarble.zone.SessionSinks;

/**
 * What a {@link PresenceActor} shares with the cells on its node: the connection's listener and the
 * presence's bookkeeping of its character (newest acknowledged input, own position, last snapshot
 * time), updated by the cell's hot events whether a cell calls {@link #deliver} directly (a cell on
 * this node, see {@link SessionSinks}) or the actor hands on an event that came as a message.
 * Events are delivered one at a time (two cells may call during a handoff); the actor reads the
 * bookkeeping through the getters.
 */
final class PresenceSink implements SessionSinks.Sink {
  private final String playerId;
  private final OnlinePlayers online;
  private final AtomicLong lastSequence = new AtomicLong();
  private volatile WorldListener listener;
  private volatile PlayPosition position;
  private volatile String cellId;
  private volatile boolean inWorld;
  private volatile long lastSnapshotNanos = System.nanoTime();

  PresenceSink(String playerId, OnlinePlayers online) {
    this.playerId = playerId;
    this.online = online;
  }

  @Override
  public synchronized void deliver(SessionEvent event) {
    PresenceEvents.deliver(event, listener, this::observed);
  }

  /** Bookkeeping for every cell event: own position, sequence, liveness. */
  private void observed(long ackedSequence, PlayPosition own, boolean snapshot) {
    lastSequence.accumulateAndGet(ackedSequence, Math::max);
    if (own != null) {
      position = own;
      online.moved(playerId, own, cellId);
    }
    if (snapshot) {
      lastSnapshotNanos = System.nanoTime();
    }
  }

  WorldListener listener() {
    return listener;
  }

  /** The connection that hears the world from now on (null: none, events are dropped). */
  void listener(WorldListener l) {
    listener = l;
  }

  long lastSequence() {
    return lastSequence.get();
  }

  PlayPosition position() {
    return position;
  }

  void position(PlayPosition p) {
    position = p;
  }

  String cellId() {
    return cellId;
  }

  void cellId(String id) {
    cellId = id;
  }

  /** Whether inputs go to {@link #cellId} (the character is in the world there). */
  void inWorld(boolean in) {
    inWorld = in;
  }

  /** The cell a movement input goes to now, or null (not in the world: dropped). */
  String inputCell() {
    return inWorld ? cellId : null;
  }

  long lastSnapshotNanos() {
    return lastSnapshotNanos;
  }

  /** The watchdog starts over (entered, or a re-entry to try again). */
  void snapshotNow() {
    lastSnapshotNanos = System.nanoTime();
  }

  /** Counts the last snapshot as seen at {@code nanos} ({@link System#nanoTime()}). */
  void snapshotAt(long nanos) {
    lastSnapshotNanos = nanos;
  }
}
