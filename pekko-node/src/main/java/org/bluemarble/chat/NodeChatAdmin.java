package org.bluemarble.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.bluemarble.edge.port.ChatAdminPort;

/**
 * The node's {@link ChatAdminPort}: mutes and the degraded switch go to every node's {@link
 * ChatHub} over the chat topic; status and history are this node's hub's. The admin gate writes the
 * audit entry of every change before it runs.
 */
public final class NodeChatAdmin implements ChatAdminPort {
  private final ActorSystem<?> system;
  private final Duration timeout;

  public NodeChatAdmin(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  private ChatService chat() {
    return ChatService.get(system);
  }

  @Override
  public CompletionStage<Mute> mute(String playerId, Duration duration, String reason, String by) {
    Instant until = Instant.now().plus(duration);
    chat().hub().tell(new ChatHub.Broadcast(new ChatHub.Muted(playerId, until, reason, by)));
    return java.util.concurrent.CompletableFuture.completedFuture(
        new Mute(playerId, until, reason, by));
  }

  @Override
  public CompletionStage<Void> unmute(String playerId, String by) {
    chat().hub().tell(new ChatHub.Broadcast(new ChatHub.Muted(playerId, null, "", by)));
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Status> setDegraded(boolean on, String by) {
    chat().hub().tell(new ChatHub.Broadcast(new ChatHub.Degraded(on)));
    return status().thenApply(s -> new Status(on, s.queued(), s.mutes()));
  }

  @Override
  public CompletionStage<Status> status() {
    return AskPattern.ask(chat().hub(), ChatHub.GetStatus::new, timeout, system.scheduler());
  }

  @Override
  public CompletionStage<List<Line>> history(String channel) {
    CompletionStage<List<ChatEntry>> lines =
        AskPattern.ask(
            chat().hub(), r -> new ChatHub.GetHistory(channel, r), timeout, system.scheduler());
    return lines.thenApply(
        list ->
            list.stream()
                .map(
                    e ->
                        new Line(
                            e.channel().name(),
                            e.fromPlayerId(),
                            e.fromName(),
                            e.text(),
                            Instant.ofEpochMilli(e.sentAtMillis()),
                            e.sequence()))
                .toList());
  }
}
