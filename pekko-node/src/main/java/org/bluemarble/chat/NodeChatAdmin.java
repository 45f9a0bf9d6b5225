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

  /** Persists the mute ({@link Moderation}), then tells every node's hub. */
  @Override
  public CompletionStage<Mute> mute(String playerId, Duration duration, String reason, String by) {
    Instant until = Instant.now().plus(duration);
    return Moderation.ref(system)
        .<Moderation.Mute>ask(r -> new Moderation.SetMute(playerId, until, reason, by, r), timeout)
        .thenApply(
            m -> {
              chat()
                  .hub()
                  .tell(new ChatHub.Broadcast(new ChatHub.Muted(playerId, until, reason, by)));
              return new Mute(playerId, until, reason, by);
            });
  }

  @Override
  public CompletionStage<Void> unmute(String playerId, String by) {
    return Moderation.ref(system)
        .<Moderation.Mute>ask(r -> new Moderation.SetMute(playerId, null, "", by, r), timeout)
        .thenApply(
            m -> {
              chat().hub().tell(new ChatHub.Broadcast(new ChatHub.Muted(playerId, null, "", by)));
              return null;
            });
  }

  @Override
  public CompletionStage<List<Report>> reports(boolean openOnly) {
    return Moderation.ref(system)
        .<Moderation.State>ask(Moderation.Get::new, timeout)
        .thenApply(s -> s.list(openOnly).stream().map(NodeChatAdmin::view).toList());
  }

  @Override
  public CompletionStage<Report> resolveReport(
      String reportId, Duration mute, String note, String by) {
    Instant until = mute == null ? null : Instant.now().plus(mute);
    String action = mute == null ? "DISMISSED" : "MUTED";
    return Moderation.ref(system)
        .<Moderation.Resolved>ask(
            r -> new Moderation.Resolve(reportId, action, until, note, by, r), timeout)
        .thenApply(
            res -> {
              if (res.report() == null) {
                throw new org.bluemarble.edge.port.PortException(
                    org.bluemarble.edge.port.PortException.Code.NOT_FOUND, "no report " + reportId);
              }
              if (until != null) {
                chat()
                    .hub()
                    .tell(
                        new ChatHub.Broadcast(
                            new ChatHub.Muted(
                                res.report().reportedId(), until, "report " + reportId, by)));
              }
              return view(res.report());
            });
  }

  private static Report view(Moderation.Report r) {
    return new Report(
        r.id(),
        r.reporterId(),
        r.reportedId(),
        r.reason(),
        r.lines().stream()
            .map(
                e ->
                    new ReportLine(
                        e.channel().name(),
                        e.fromName(),
                        e.text(),
                        Instant.ofEpochMilli(e.sentAtMillis())))
            .toList(),
        r.at(),
        r.status(),
        r.resolvedBy(),
        r.note());
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
