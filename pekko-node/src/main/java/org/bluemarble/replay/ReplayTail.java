package org.bluemarble.replay;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
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
import org.bluemarble.protocol.events.v1.EventEnvelope;
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

  @Option(
      names = "--tls",
      description =
          "Connect over TLS (nodes of the production profile serve it); the JDK's trusted"
              + " authorities unless --truststore.")
  boolean tls;

  @Option(
      names = "--truststore",
      description =
          "PKCS12 file with the certificate(s) to trust (e.g. a self-signed node certificate);"
              + " implies --tls.")
  java.nio.file.Path truststore;

  @Option(
      names = "--truststore-password",
      description = "Password of --truststore (default: BLUEMARBLE_GRPC_TRUSTSTORE_PASSWORD).",
      defaultValue = "${env:BLUEMARBLE_GRPC_TRUSTSTORE_PASSWORD}")
  String truststorePassword;

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
      GrpcClientSettings grpc =
          GrpcClientSettings.connectToServiceAt(node.substring(0, colon), port, system)
              .withTls(tls || truststore != null);
      if (truststore != null) {
        try {
          grpc = grpc.withTrustManager(trusting(truststore, truststorePassword));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
          err.println(
              "bluemarble-node replay tail: --truststore "
                  + truststore
                  + " is not a readable PKCS12 file: "
                  + e.getMessage());
          return ReplayCommand.BAD_REQUEST;
        }
      }
      JournalServiceClient client = JournalServiceClient.create(grpc, system);
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

  /** A trust manager accepting the certificates of a PKCS12 file. */
  static javax.net.ssl.TrustManager trusting(java.nio.file.Path file, String password)
      throws java.io.IOException, java.security.GeneralSecurityException {
    java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      store.load(in, password == null ? null : password.toCharArray());
    }
    javax.net.ssl.TrustManagerFactory factory =
        javax.net.ssl.TrustManagerFactory.getInstance(
            javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers()[0];
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

  /**
   * One line: write time, persistence id, sequence number, the envelope's domain and event case,
   * and the domain event in protobuf text format.
   */
  static String text(org.bluemarble.replay.grpc.JournalEvent e) {
    String where = e.getPersistenceId() + " #" + e.getSequenceNr();
    if (!e.getError().isEmpty()) {
      return where + " UNREADABLE: " + e.getError();
    }
    EventEnvelope envelope = envelope(e);
    Message domain = domain(envelope);
    return Instant.ofEpochMilli(envelope.getTimestampMs())
        + " "
        + where
        + " "
        + envelope.getEventCase().name().toLowerCase(java.util.Locale.ROOT)
        + (domain == null
            ? ""
            : " " + TextFormat.printer().emittingSingleLine(true).printToString(domain));
  }

  private static EventEnvelope envelope(org.bluemarble.replay.grpc.JournalEvent e) {
    try {
      return EventEnvelope.parseFrom(e.getEnvelope());
    } catch (InvalidProtocolBufferException x) {
      throw new IllegalStateException("the node sent an unreadable envelope: " + x.getMessage(), x);
    }
  }

  /** The domain message the envelope's oneof holds, null when none is set. */
  private static Message domain(EventEnvelope envelope) {
    if (envelope.getEventCase() == EventEnvelope.EventCase.EVENT_NOT_SET) {
      return null;
    }
    return (Message)
        envelope.getField(
            EventEnvelope.getDescriptor().findFieldByNumber(envelope.getEventCase().getNumber()));
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /**
   * One JSON object: the position, the envelope's fields, the domain event in protobuf text format
   * ({@code event}) and the envelope's bytes in base64 ({@code envelope}, for tools that parse
   * events.proto).
   */
  static String json(org.bluemarble.replay.grpc.JournalEvent e) {
    var o = JSON.createObjectNode();
    o.put("persistenceId", e.getPersistenceId());
    o.put("sequenceNr", e.getSequenceNr());
    o.put("ordering", e.getOrdering());
    if (!e.getError().isEmpty()) {
      o.put("error", e.getError());
      return o.toString();
    }
    EventEnvelope envelope = envelope(e);
    o.put("timestamp", Instant.ofEpochMilli(envelope.getTimestampMs()).toString());
    o.put("entityType", envelope.getEntityType());
    o.put("entityId", envelope.getEntityId());
    envelope.getTagsList().forEach(o.putArray("tags")::add);
    var experiments = o.putObject("experiments");
    envelope.getExperimentsMap().forEach(experiments::put);
    o.put("domain", envelope.getEventCase().name().toLowerCase(java.util.Locale.ROOT));
    Message domain = domain(envelope);
    o.put(
        "event",
        domain == null ? "" : TextFormat.printer().emittingSingleLine(true).printToString(domain));
    o.put("envelope", java.util.Base64.getEncoder().encodeToString(e.getEnvelope().toByteArray()));
    return o.toString();
  }
}
