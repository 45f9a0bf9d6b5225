package org.bluemarble.edge.session;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bluemarble.edge.port.ChatPush;
import org.bluemarble.edge.port.CombatPush;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.SocialPush;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.v1.Envelope;

/**
 * What the world says about the character of one enter, turned into the connection's messages;
 * ignored once it is not the session's current link (a later enter, a leave, a takeover). Locks the
 * session it belongs to, except while encoding a snapshot (see {@link #onSnapshot}).
 */
final class SessionLink implements WorldListener {
  private final GameSession session;
  private final SessionOutput out;
  private final SessionDeps deps;
  private final String playerId;
  private Presence presence;
  private SnapshotFeed feed;
  // Entities the world announced before the enter completed (a cell's first view can overtake
  // its answer to the enter); announced once the feed exists, so they get their EntityEnter.
  private final Set<Long> early = new HashSet<>();

  SessionLink(GameSession session, SessionOutput out, SessionDeps deps, String playerId) {
    this.session = session;
    this.out = out;
    this.deps = deps;
    this.playerId = playerId;
  }

  String playerId() {
    return playerId;
  }

  /** The character's presence; null until the enter completed. */
  Presence presence() {
    return presence;
  }

  SnapshotFeed feed() {
    return feed;
  }

  void attach(Presence p, Presence.Entered e, int budget) {
    presence = p;
    feed =
        new SnapshotFeed(
            e.entityId(),
            e.planetRadiusMeters(),
            e.position(),
            budget,
            new EntityNaming(deps.play()));
    early.forEach(feed::entered);
    early.clear();
  }

  private boolean current() {
    return session.isCurrent(this);
  }

  @Override
  public void onInputAck(long sequence, PlayPosition position, double headingDeg, long serverTick) {
    synchronized (session) {
      if (!current()) {
        return;
      }
      feed.self(position);
      out.send(ProtoMapping.inputAck(sequence, position, headingDeg, serverTick));
    }
  }

  @Override
  public void onCorrection(long sequence, PlayPosition position, String reason, double headingDeg) {
    synchronized (session) {
      if (!current()) {
        return;
      }
      feed.self(position);
      out.send(ProtoMapping.correction(sequence, position, reason, headingDeg));
    }
  }

  @Override
  public void onSnapshot(long tick, List<SeenEntity> visible) {
    synchronized (session) {
      if (!current()) {
        return;
      }
    }
    // Encoded outside the session lock, which the transport's thread takes for every frame (the
    // world calls a listener one event at a time; the feed's own lock only guards against a
    // second caller during a takeover).
    List<Envelope> encoded;
    List<Long> unnamed;
    synchronized (feed) {
      encoded = feed.encode(tick, visible);
      unnamed = feed.naming().drainUnnamed();
    }
    encoded.forEach(out::send);
    feed.naming().followUp(unnamed, this::sendIfCurrent);
  }

  private void sendIfCurrent(Envelope envelope) {
    synchronized (session) {
      if (current()) {
        out.send(envelope);
      }
    }
  }

  @Override
  public void onEntityEntered(long entityId) {
    synchronized (session) {
      if (current()) {
        feed.entered(entityId);
      } else if (feed == null) {
        early.add(entityId);
      }
    }
  }

  @Override
  public void onEntityLeft(long entityId) {
    synchronized (session) {
      if (current()) {
        feed.left(entityId);
        out.send(ProtoMapping.entityLeave(entityId));
      } else if (feed == null) {
        early.remove(entityId);
      }
    }
  }

  @Override
  public void onAnnouncement(String message, String from) {
    synchronized (session) {
      if (current()) {
        out.send(ProtoMapping.notice(message));
        out.send(ChatMessages.announcement(message, from, System.currentTimeMillis()));
      }
    }
  }

  @Override
  public void onChat(ChatPush push) {
    synchronized (session) {
      if (current()) {
        out.send(ChatMessages.toEnvelope(push));
      }
    }
  }

  @Override
  public void onCombat(CombatPush push) {
    synchronized (session) {
      if (current()) {
        CombatMessages.send(push, out);
      }
    }
  }

  @Override
  public void onSocial(SocialPush push) {
    sendIfCurrent(SocialMessages.toEnvelope(push));
  }

  @Override
  public void onEnded(EndReason reason, String detail) {
    session.linkEnded(this, reason, detail);
  }
}
