package org.bluemarble.session;

import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.PlayIntent;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.zone.WireIntent;

/**
 * The {@link Presence} one connection holds: tells its presence actor, never asks. Bound to the
 * connection's listener, so a detach or leave from a connection that was taken over is ignored.
 */
final class PresenceHandle implements Presence {
  private final ActorRef<PresenceActor.Command> actor;
  private final Entered entered;
  private final WorldListener listener;

  PresenceHandle(ActorRef<PresenceActor.Command> actor) {
    this(actor, null, null);
  }

  private PresenceHandle(
      ActorRef<PresenceActor.Command> actor, Entered entered, WorldListener listener) {
    this.actor = actor;
    this.entered = entered;
    this.listener = listener;
  }

  /** The handle for one attachment. */
  PresenceHandle with(Entered e, WorldListener l) {
    return new PresenceHandle(actor, e, l);
  }

  @Override
  public Entered entered() {
    return entered;
  }

  @Override
  public void input(long sequence, PlayIntent intent, long clientTimeMillis) {
    actor.tell(new PresenceActor.Input(sequence, wire(intent), clientTimeMillis));
  }

  @Override
  public void chat(long correlationId, ChatLine line) {
    actor.tell(new PresenceActor.Chat(correlationId, line));
  }

  @Override
  public void social(long correlationId, org.bluemarble.edge.port.SocialAction action) {
    actor.tell(new PresenceActor.Social(correlationId, action));
  }

  @Override
  public void detach() {
    actor.tell(new PresenceActor.Detach(listener));
  }

  @Override
  public void leave() {
    actor.tell(new PresenceActor.Leave(listener));
  }

  private static WireIntent wire(PlayIntent intent) {
    return switch (intent.kind()) {
      case HEADING -> WireIntent.heading(intent.a(), intent.b());
      case TARGET -> WireIntent.target(intent.a(), intent.b());
      case STOP -> WireIntent.STOP;
    };
  }
}
