package org.bluemarble.chat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.edge.port.SocialAction;
import org.bluemarble.edge.port.SocialPort;
import org.bluemarble.edge.port.SocialPush;
import org.bluemarble.edge.port.WorldListener;

/**
 * The node's {@link SocialPort}: each action runs in a short-lived actor holding a headless {@link
 * PresenceSocial} for the player (the same rules and the same notes to the others as in the world),
 * which reads the player's lists, carries the action out, completes the answer and stops.
 */
public final class NodeSocialPort implements SocialPort {
  private static final Object GIVE_UP = new Object();

  private final ActorSystem<?> system;
  private final Duration timeout;

  public NodeSocialPort(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  @Override
  public CompletionStage<SocialPush> act(String playerId, SocialAction action) {
    CompletableFuture<SocialPush> answer = new CompletableFuture<>();
    system.systemActorOf(
        actor(playerId, action, answer), "social-http-" + UUID.randomUUID(), Props.empty());
    return answer;
  }

  private Behavior<ChatInbox> actor(
      String playerId, SocialAction action, CompletableFuture<SocialPush> answer) {
    return Behaviors.setup(
        ctx -> {
          WorldListener listener =
              new WorldListener() {
                @Override
                public void onInputAck(
                    long sequence,
                    org.bluemarble.edge.port.PlayPosition position,
                    double headingDeg,
                    long serverTick) {}

                @Override
                public void onCorrection(
                    long sequence,
                    org.bluemarble.edge.port.PlayPosition position,
                    String reason,
                    double headingDeg) {}

                @Override
                public void onSnapshot(
                    long tick, java.util.List<WorldListener.SeenEntity> visible) {}

                @Override
                public void onEntityEntered(long entityId) {}

                @Override
                public void onEntityLeft(long entityId) {}

                @Override
                public void onAnnouncement(String message, String from) {}

                @Override
                public void onEnded(WorldListener.EndReason reason, String detail) {}

                @Override
                public void onSocial(SocialPush push) {
                  if (push instanceof SocialPush.Answer || push instanceof SocialPush.Refused) {
                    answer.complete(push);
                  }
                }
              };
          PresenceSocial social =
              new PresenceSocial(
                  system, playerId, ctx.getSelf(), ChatService.get(system).hub(), ids -> {}, true);
          social.entered("");
          ctx.scheduleOnce(timeout.multipliedBy(3), ctx.getSelf(), new ChatInbox.Social(GIVE_UP));
          boolean[] acted = {false};
          return Behaviors.receive(ChatInbox.class)
              .onMessage(
                  ChatInbox.Social.class,
                  m -> {
                    if (m.message() == GIVE_UP) {
                      answer.complete(
                          new SocialPush.Refused(
                              0, SocialPush.Reason.REFUSED, "the social service did not answer"));
                      return Behaviors.stopped();
                    }
                    social.onMessage(m.message(), listener);
                    if (!acted[0] && social.loaded()) {
                      acted[0] = true;
                      social.act(0, action, listener);
                    }
                    return answer.isDone() ? Behaviors.stopped() : Behaviors.same();
                  })
              .onAnyMessage(m -> Behaviors.same())
              .build();
        });
  }
}
