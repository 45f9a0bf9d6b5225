package org.bluemarble.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.node.Main;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.node.testing.PlayerSignup;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.replay.grpc.EventsRequest;
import org.bluemarble.replay.grpc.JournalServiceClient;
import org.bluemarble.replay.grpc.StateRequest;
import org.bluemarble.replay.grpc.TailRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The gRPC JournalService of a running node: a live tail sees a new character's event within one
 * second of the write being acknowledged; Admin token required; {@code replay tail} prints it.
 */
class JournalTailGrpcTest {
  @TempDir static Path dataDir;
  private static InProcessNode node;
  private static int grpcPort;
  private static String adminToken;
  private static JournalServiceClient client;

  /** An event and when it arrived (System.nanoTime). */
  record Arrival(org.bluemarble.replay.grpc.JournalEvent event, long at) {}

  @BeforeAll
  static void start() throws Exception {
    grpcPort = FreePorts.next();
    node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dataDir.toString(),
                "bluemarble.journal-service.port",
                grpcPort,
                "bluemarble.journal-service.poll-interval",
                "100ms"));
    adminToken = node.client().adminToken();
    client =
        JournalServiceClient.create(
            GrpcClientSettings.connectToServiceAt("127.0.0.1", grpcPort, node.system)
                .withTls(false),
            node.system);
  }

  @AfterAll
  static void stop() throws Exception {
    client.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    node.close();
  }

  @Test
  void aLiveTailSeesANewCharacterWithinOneSecond() throws Exception {
    LinkedBlockingQueue<Arrival> arrived = new LinkedBlockingQueue<>();
    client
        .tail()
        .addHeader("authorization", "Bearer " + adminToken)
        .invoke(TailRequest.newBuilder().addEntityTypes("Player").build())
        .runForeach(e -> arrived.add(new Arrival(e, System.nanoTime())), node.system);
    Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    AdminClient admin = node.client();
    // The tail starts at the journal's end when the node handles the call: characters created
    // before that are not seen, so create one per attempt until the first arrives.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (!arrived.isEmpty()) {
                return true;
              }
              AdminClient.Response r = admin.createPlayer("Tailed", "Ranger");
              assertThat(r.status()).isEqualTo(201);
              acknowledged.put("Player|" + r.body().path("id").asText(), System.nanoTime());
              return false;
            });
    Arrival first = arrived.peek();
    // The event stream's envelope (events.proto), the same mapping as on Kafka.
    EventEnvelope envelope = EventEnvelope.parseFrom(first.event().getEnvelope());
    assertThat(envelope.getPersistenceId()).isEqualTo(first.event().getPersistenceId());
    assertThat(envelope.getEntityType()).isEqualTo("Player");
    assertThat(envelope.getSequenceNr()).isEqualTo(first.event().getSequenceNr());
    assertThat(envelope.getTagsList()).singleElement().asString().startsWith("player-");
    assertThat(envelope.getPlayer().hasCreated()).isTrue();
    assertThat(envelope.getPlayer().getCreated().getName()).isEqualTo("Tailed");
    Long ack = acknowledged.get(first.event().getPersistenceId());
    assertThat(ack).as("the event is one of the characters this test created").isNotNull();
    long latencyMs = TimeUnit.NANOSECONDS.toMillis(first.at() - ack);
    System.out.println("replay tail latency: " + latencyMs + " ms (poll interval 100 ms)");
    assertThat(latencyMs).as("ms from the acknowledged write to the tail").isLessThan(1_000);
  }

  @Test
  void callsWithoutAnAdminTokenAreRefused() throws Exception {
    assertThatThrownBy(
            () ->
                client
                    .state()
                    .invoke(StateRequest.newBuilder().setPersistenceId("Player|x").build())
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS))
        .hasCauseInstanceOf(io.grpc.StatusRuntimeException.class)
        .hasMessageContaining("UNAUTHENTICATED");
    String player = PlayerSignup.signUp(node.httpPort, "tailer1", "Ranger").accessToken();
    assertThatThrownBy(
            () ->
                client
                    .state()
                    .addHeader("authorization", "Bearer " + player)
                    .invoke(StateRequest.newBuilder().setPersistenceId("Player|x").build())
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS))
        .hasMessageContaining("PERMISSION_DENIED");
  }

  @Test
  void eventsOverGrpcCarryTheStreamsEnvelope() throws Exception {
    String id = node.client().createPlayer("Enveloped", "Mage").body().path("id").asText();
    var events =
        client
            .events()
            .addHeader("authorization", "Bearer " + adminToken)
            .invoke(EventsRequest.newBuilder().setPersistenceId("Player|" + id).build())
            .runWith(org.apache.pekko.stream.javadsl.Sink.seq(), node.system)
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    assertThat(events).isNotEmpty();
    var first = events.get(0);
    assertThat(first.getError()).isEmpty();
    EventEnvelope envelope = EventEnvelope.parseFrom(first.getEnvelope());
    assertThat(envelope.getPersistenceId()).isEqualTo("Player|" + id);
    assertThat(envelope.getEntityId()).isEqualTo(id);
    assertThat(envelope.getSequenceNr()).isEqualTo(1);
    assertThat(envelope.getTimestampMs()).isPositive();
    assertThat(envelope.getPlayer().getCreated().getName()).isEqualTo("Enveloped");
    assertThat(first.getOrdering()).isPositive();
  }

  @Test
  void stateOverGrpcIsTheReplayedCharacter() throws Exception {
    String id = node.client().createPlayer("Stateful", "Mage").body().path("id").asText();
    var reply =
        client
            .state()
            .addHeader("authorization", "Bearer " + adminToken)
            .invoke(StateRequest.newBuilder().setPersistenceId("Player|" + id).build())
            .toCompletableFuture()
            .get(20, TimeUnit.SECONDS);
    assertThat(reply.getSequenceNr()).isEqualTo(1);
    assertThat(reply.getStateJson()).contains("\"name\":\"Stateful\"");
    assertThat(reply.getHash()).hasSize(64);
  }

  @Test
  void theCliTailPrintsLiveEvents() {
    StringWriter out = new StringWriter();
    CompletableFuture<Integer> tail =
        CompletableFuture.supplyAsync(
            () ->
                new CommandLine(new Main())
                    .setOut(new PrintWriter(out))
                    .execute(
                        "replay",
                        "tail",
                        "--node",
                        "127.0.0.1:" + grpcPort,
                        "--token",
                        adminToken,
                        "--type",
                        "Player",
                        "--limit",
                        "1"));
    AdminClient admin = node.client();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              if (tail.isDone()) {
                return true;
              }
              admin.createPlayer("Printed", "Ranger");
              return false;
            });
    assertThat(tail.join()).isZero();
    assertThat(out.toString()).contains("Player|", "player created {", "name: \"Printed\"");
  }
}
