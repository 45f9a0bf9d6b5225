package org.bluemarble.presence;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.edge.port.ChatLine;
import org.bluemarble.edge.port.PlayIntent;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.tracing.TraceMdc;
import org.bluemarble.zone.CellInboxes;
import org.bluemarble.zone.WireIntent;
import org.bluemarble.zone.ZoneCell;

/**
 * The {@link Presence} one connection holds: tells its presence actor, never asks. Bound to the
 * connection's listener, so a detach or leave from a connection that was taken over is ignored.
 * Movement inputs skip the actor: while the character is in the world they go from the caller's
 * thread straight to the cell the {@link PresenceSink} names (one message instead of two; the
 * connection's inputs come from one thread, so they keep their order). When that cell runs on this
 * node, the input goes into its {@link CellInboxes inbox} and no message is sent at all.
 */
final class PresenceHandle implements Presence {
  private final ActorRef<PresenceActor.Command> actor;
  private final String playerId;
  private final PresenceSink sink;
  private final ClusterSharding sharding;
  private final CellInboxes inboxes;
  private final Entered entered;
  private final WorldListener listener;

  PresenceHandle(
      ActorRef<PresenceActor.Command> actor,
      String playerId,
      PresenceSink sink,
      ClusterSharding sharding,
      CellInboxes inboxes) {
    this(actor, playerId, sink, sharding, inboxes, null, null);
  }

  private PresenceHandle(
      ActorRef<PresenceActor.Command> actor,
      String playerId,
      PresenceSink sink,
      ClusterSharding sharding,
      CellInboxes inboxes,
      Entered entered,
      WorldListener listener) {
    this.actor = actor;
    this.playerId = playerId;
    this.sink = sink;
    this.sharding = sharding;
    this.inboxes = inboxes;
    this.entered = entered;
    this.listener = listener;
  }

  /** The handle for one attachment. */
  PresenceHandle with(Entered e, WorldListener l) {
    return new PresenceHandle(actor, playerId, sink, sharding, inboxes, e, l);
  }

  @Override
  public Entered entered() {
    return entered;
  }

  @Override
  public void input(long sequence, PlayIntent intent, long clientTimeMillis) {
    String cellId = sink.inputCell();
    if (cellId != null) {
      ZoneCell.SubmitInput input =
          new ZoneCell.SubmitInput(playerId, sequence, wire(intent), clientTimeMillis);
      if (!inboxes.offer(cellId, input)) {
        sharding.entityRefFor(ZoneCell.ENTITY_KEY, cellId).tell(input);
      }
    }
  }

  @Override
  public void chat(long correlationId, ChatLine line) {
    actor.tell(new PresenceActor.Chat(correlationId, line, TraceMdc.current()));
  }

  @Override
  public void useAbility(long correlationId, String abilityId, long targetId) {
    actor.tell(
        new PresenceCombat.UseAbility(correlationId, abilityId, targetId, TraceMdc.current()));
  }

  @Override
  public void harvest(long correlationId, long nodeId, int amount) {
    actor.tell(new PresenceCombat.Harvest(correlationId, nodeId, amount, TraceMdc.current()));
  }

  @Override
  public void social(long correlationId, org.bluemarble.edge.port.SocialAction action) {
    actor.tell(new PresenceActor.Social(correlationId, action, TraceMdc.current()));
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
