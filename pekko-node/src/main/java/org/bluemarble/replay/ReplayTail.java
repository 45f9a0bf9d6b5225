package org.bluemarble.replay;

import com.typesafe.config.ConfigFactory;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.apache.pekko.grpc.GrpcServiceException;
import org.apache.pekko.stream.javadsl.Source;
import org.bluemarble.replay.grpc.JournalServiceClient;
import org.bluemarble.replay.grpc.TailRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code replay tail --node HOST:PORT}: live events from a running node over its gRPC journal
 * service, one line each (or one JSON object per line with {@code --json}), until interrupted or
 * {@code --limit} events.
 */
@Command(name = "tail", description = "Live events from a running node (gRPC journal service).")
final class ReplayTail implements Callable<Integer> {
  @ParentCommand ReplayCommand parent;

  @Option(
      names = "--node",
      required = true,
      description = "HOST:PORT of a node's journal service (bluemarble.journal-service.port).")
  String node;

  @Option(names = "--type", description = "Only this entity type (repeatable).")
  List<String> types = new ArrayList<>();

  @Option(names = "--tag", description = "Only events with this tag (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(names = "--id", description = "Only this persistence id (repeatable).")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--token",
      description = "An Admin access token (default: BLUEMARBLE_ADMIN_TOKEN).",
      defaultValue = "${env:BLUEMARBLE_ADMIN_TOKEN}")
  String token;

  @Option(names = "--limit", description = "Stop after this many events (0: never).")
  long limit;

  @Override
  public Integer call() {
    ReplayCommand.quietLogs();
    PrintWriter out = parent.spec.commandLine().getOut();
    PrintWriter err = parent.spec.commandLine().getErr();
    int colon = node.lastIndexOf(':');
    int port;
    try {
      port = colon < 1 ? -1 : Integer.parseInt(node.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 1 || port > 65_535) {
      err.println("bluemarble-node replay tail: --node must be HOST:PORT, was " + node);
      return ReplayCommand.BAD_REQUEST;
    }
    if (token == null || token.isBlank()) {
      err.println(
          "bluemarble-node replay tail: an Admin access token is needed (--token or"
              + " BLUEMARBLE_ADMIN_TOKEN; POST /v1/auth/login as an admin)");
      return ReplayCommand.BAD_REQUEST;
    }
    ActorSystem<Void> system =
        ActorSystem.create(
            Behaviors.empty(),
            "BlueMarbleTail",
            ConfigFactory.parseMap(
                    Map.of(
                        "pekko.actor.provider", "local",
                        "pekko.loglevel", "WARNING",
                        "pekko.stdout-loglevel", "OFF",
                        "pekko.coordinated-shutdown.exit-jvm", "off"))
                .withFallback(ConfigFactory.defaultReference()));
    try {
      JournalServiceClient client =
          JournalServiceClient.create(
              GrpcClientSettings.connectToServiceAt(node.substring(0, colon), port, system)
                  .withTls(false),
              system);
      Source<org.bluemarble.replay.grpc.JournalEvent, ?> events =
          client
              .tail()
              .addHeader("authorization", "Bearer " + token.trim())
              .invoke(
                  TailRequest.newBuilder()
                      .addAllEntityTypes(types)
                      .addAllTags(tags)
                      .addAllPersistenceIds(ids)
                      .build());
      if (limit > 0) {
        events = events.take(limit);
      }
      events
          .runForeach(
              e -> {
                out.println(parent.json ? json(e) : text(e));
                out.flush();
              },
              system)
          .toCompletableFuture()
          .get();
      client.close();
      return 0;
    } catch (ExecutionException | CompletionException e) {
      Status status = statusOf(e.getCause());
      err.println(
          "bluemarble-node replay tail: "
              + node
              + " answered "
              + status.getCode()
              + (status.getDescription() == null ? "" : ": " + status.getDescription()));
      return status.getCode() == Status.Code.UNAVAILABLE
          ? ReplayCommand.UNAVAILABLE
          : ReplayCommand.BAD_REQUEST;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } finally {
      system.terminate();
    }
  }

  private static Status statusOf(Throwable t) {
    if (t instanceof GrpcServiceException g) {
      return g.status();
    }
    if (t instanceof StatusRuntimeException s) {
      return s.getStatus();
    }
    return Status.UNAVAILABLE.withDescription(String.valueOf(t));
  }

  private static String text(org.bluemarble.replay.grpc.JournalEvent e) {
    return Instant.ofEpochMilli(e.getTimestampMillis())
        + " "
        + e.getPersistenceId()
        + " #"
        + e.getSequenceNr()
        + " "
        + e.getEventClass().substring(e.getEventClass().lastIndexOf('.') + 1)
        + " "
        + (e.getError().isEmpty() ? e.getEventJson() : "UNREADABLE: " + e.getError());
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The event as one JSON object, the event itself embedded as JSON. */
  private static String json(org.bluemarble.replay.grpc.JournalEvent e) {
    var o = JSON.createObjectNode();
    o.put("persistenceId", e.getPersistenceId());
    o.put("sequenceNr", e.getSequenceNr());
    o.put("ordering", e.getOrdering());
    o.put("timestamp", Instant.ofEpochMilli(e.getTimestampMillis()).toString());
    o.put("entityType", e.getEntityType());
    e.getTagsList().forEach(o.putArray("tags")::add);
    o.put("eventClass", e.getEventClass());
    try {
      o.set("event", e.getEventJson().isEmpty() ? null : JSON.readTree(e.getEventJson()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
      o.put("event", e.getEventJson());
    }
    if (!e.getError().isEmpty()) {
      o.put("error", e.getError());
    }
    return o.toString();
  }
}
