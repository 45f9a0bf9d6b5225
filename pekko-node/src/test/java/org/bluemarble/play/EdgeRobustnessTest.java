package org.bluemarble.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bluemarble.auth.KeyRing;
import org.bluemarble.auth.KeyRingFiles;
import org.bluemarble.auth.Role;
import org.bluemarble.auth.TokenService;
import org.bluemarble.auth.TokenSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.edge.udp.UdpEdge;
import org.bluemarble.edge.ws.WebSocketStats;
import org.bluemarble.node.GameEdges;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.udp.DropReason;
import org.bluemarble.protocol.v1.Authenticate;
import org.bluemarble.protocol.v1.Disconnect;
import org.bluemarble.protocol.v1.EnterWorld;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Error;
import org.bluemarble.protocol.v1.HeadingIntent;
import org.bluemarble.protocol.v1.Hello;
import org.bluemarble.protocol.v1.MovementInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input at both edges of a real node: out-of-phase messages, forged/expired/garbage tokens,
 * foreign and unknown player ids get clear protocol Errors; 100,000 random and mutated frames per
 * edge leave the node serving a well-behaved client.
 */
class EdgeRobustnessTest {
  private static final String ISSUER = "https://bluemarble.local/";
  private static final String AUDIENCE = "bluemarble";
  private static final int FUZZ_FRAMES = 100_000;

  @TempDir static Path dataDir;
  private static Path signingKey;
  private static InProcessNode node;
  private static PlayWorld world;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startNode() throws Exception {
    // A known signing key, so the test can make expired tokens the node would otherwise accept.
    signingKey = dataDir.resolve("signing.jwk");
    Files.writeString(
        signingKey, new ECKeyGenerator(Curve.P_256).keyID("test-key").generate().toJSONString());
    Map<String, Object> config = new HashMap<>(PlayWorld.config(dataDir.toString(), "30s"));
    config.put("bluemarble.auth.tokens.signing-key-file", signingKey.toString());
    node = InProcessNode.start(Profile.EMBEDDED, config);
    world = new PlayWorld(node);
  }

  @AfterAll
  static void stopNode() throws Exception {
    node.close();
  }

  private RawWebSocket greeted() throws Exception {
    RawWebSocket ws = new RawWebSocket(http, node.httpPort);
    ws.send(Frames.hello());
    assertThat(ws.next(Envelope.MessageCase.HELLO_ACCEPTED)).isNotNull();
    return ws;
  }

  private static Envelope authenticate(String token) {
    return Envelope.newBuilder()
        .setCorrelationId(2)
        .setAuthenticate(Authenticate.newBuilder().setToken(token))
        .build();
  }

  private static Error.Code errorCode(RawWebSocket ws) throws InterruptedException {
    Envelope e = ws.next(Envelope.MessageCase.ERROR);
    assertThat(e).as("an Error arrives").isNotNull();
    return e.getError().getCode();
  }

  @Test
  void outOfPhaseMessagesAndBadTokensGetClearErrors() throws Exception {
    try (RawWebSocket ws = new RawWebSocket(http, node.httpPort)) {
      ws.send(
          Envelope.newBuilder()
              .setCorrelationId(7)
              .setMovementInput(
                  MovementInput.newBuilder()
                      .setSequence(1)
                      .setHeading(HeadingIntent.newBuilder().setSpeedMps(1)))
              .build());
      Envelope e = ws.next(Envelope.MessageCase.ERROR);
      assertThat(e.getCorrelationId()).isEqualTo(7);
      assertThat(e.getError().getCode()).isEqualTo(Error.Code.CODE_OUT_OF_PHASE);
      ws.send(
          Envelope.newBuilder()
              .setCorrelationId(8)
              .setHello(Hello.newBuilder().setProtocolVersion(999))
              .build());
      Envelope rejected = ws.next(Envelope.MessageCase.HELLO_REJECTED);
      assertThat(rejected.getHelloRejected().getError().getCode())
          .isEqualTo(Error.Code.CODE_PROTOCOL_VERSION);
      ws.closed.get(10, TimeUnit.SECONDS);
    }
    try (RawWebSocket ws = greeted()) {
      ws.send(
          Envelope.newBuilder()
              .setCorrelationId(3)
              .setEnterWorld(EnterWorld.newBuilder().setPlayerId("x"))
              .build());
      assertThat(errorCode(ws)).isEqualTo(Error.Code.CODE_OUT_OF_PHASE);
      ws.send(authenticate("not-a-jwt"));
      assertThat(errorCode(ws)).isEqualTo(Error.Code.CODE_UNAUTHENTICATED);
      assertThat(ws.next(Envelope.MessageCase.DISCONNECT).getDisconnect().getReason())
          .isEqualTo(Disconnect.Reason.REASON_PROTOCOL_VIOLATION);
    }
    PlayWorld.Player owner = world.newPlayer("robust_owner");
    TokenService forger =
        new TokenService(TokenSettings.of(ISSUER, AUDIENCE), KeyRing.generate(), Clock.systemUTC());
    TokenService past =
        new TokenService(
            TokenSettings.of(ISSUER, AUDIENCE),
            KeyRingFiles.load(new KeyRingFiles.Settings(Optional.of(signingKey), List.of())),
            Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
    for (String bad :
        List.of(
            forger.issue(owner.accountId(), "robust_owner", Set.of(Role.PLAYER)).token(),
            past.issue(owner.accountId(), "robust_owner", Set.of(Role.PLAYER)).token())) {
      try (RawWebSocket ws = greeted()) {
        ws.send(authenticate(bad));
        assertThat(errorCode(ws)).isEqualTo(Error.Code.CODE_UNAUTHENTICATED);
      }
    }
    PlayWorld.Player other = world.newPlayer("robust_other");
    try (BlueMarbleClient client = world.webSocket(owner, new ClientListener() {})) {
      for (String foreign : List.of(other.playerId(), "00000000-0000-0000-0000-000000000000")) {
        assertThat(client.enterWorld(foreign))
            .failsWithin(Duration.ofSeconds(30))
            .withThrowableThat()
            .withMessageContaining("is not a character of account");
      }
    }
  }

  private static GameEdges edges() {
    return GameEdges.of(node.system).orElseThrow();
  }

  private static long udpDrops() {
    return edges().udp().drops().values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void aHundredThousandFuzzedWebSocketFramesLeaveTheNodeServing() throws Exception {
    long start = System.nanoTime();
    WebSocketStats stats = edges().ws().stats();
    long framesBefore = stats.frames();
    Frames frames = new Frames(42);
    int sent = 0;
    int connections = 0;
    long answered = 0;
    // Until the server has read 100,000 fuzz frames (each connection's Hello aside); a server that
    // stops reading ends the loop at twice that many sent and fails below.
    while (stats.frames() - framesBefore - connections < FUZZ_FRAMES && sent < 2 * FUZZ_FRAMES) {
      try (RawWebSocket ws = new RawWebSocket(http, node.httpPort)) {
        connections++;
        ws.send(Frames.hello());
        // Stop when the server ends the connection: frames sent after that are never read.
        while (sent < 2 * FUZZ_FRAMES && ws.sendPaced(frames.next())) {
          sent++;
          if ((sent & 1023) == 0 && stats.frames() - framesBefore - connections >= FUZZ_FRAMES) {
            break;
          }
        }
        answered += ws.received.size();
      }
    }
    long read = stats.frames() - framesBefore - connections;
    System.out.printf(
        "fuzz: %d WebSocket frames sent, %d read by the node and %d answered over %d connections"
            + " in %d ms%n",
        sent, read, answered, connections, (System.nanoTime() - start) / 1_000_000);
    assertThat(read).as("frames the node read").isGreaterThanOrEqualTo(FUZZ_FRAMES);
    // Every frame gets an answer (an Error, a Pong...), except those in flight when a connection
    // ended (at most the 32-frame window per connection).
    assertThat(answered).isGreaterThanOrEqualTo(read - 33L * connections);
    wellBehavedClientEntersAndMoves("fuzz_ws_after", false);
  }

  @Test
  void aHundredThousandFuzzedDatagramsLeaveTheNodeServing() throws Exception {
    PlayWorld.Player probe = world.newPlayer("fuzz_udp_probe");
    InetSocketAddress server = PlayWorld.serverOf(world.connectToken(probe));
    UdpEdge udp = edges().udp();
    long inBefore = udp.datagramsIn();
    long dropsBefore = udpDrops();
    Frames frames = new Frames(7);
    SplittableRandom random = new SplittableRandom(11);
    try (DatagramChannel channel = DatagramChannel.open()) {
      channel.bind(new InetSocketAddress("127.0.0.1", 0));
      for (int i = 0; i < FUZZ_FRAMES; i++) {
        byte[] datagram =
            switch (random.nextInt(3)) {
              case 0 -> frames.garbage(random.nextInt(1_300));
              case 1 -> frames.garbage(1_100); // the size of a connection request
              default -> {
                byte[] b = frames.garbage(16 + random.nextInt(200));
                b[0] = (byte) random.nextInt(8); // a plausible packet type
                yield b;
              }
            };
        channel.send(ByteBuffer.wrap(datagram), server);
        if (i % 32 == 31) {
          // Paced (the kernel charges a few KiB of socket buffer per datagram), so the buffer does
          // not overflow: all but 2 % of the datagrams must reach the edge.
          long due = i + 1 - (i + 1) / 50;
          await()
              .atMost(PlayWorld.WAIT)
              .pollInterval(Duration.ofMillis(2))
              .until(() -> udp.datagramsIn() - inBefore >= due);
        }
      }
    }
    long received = udp.datagramsIn() - inBefore;
    assertThat(received).isGreaterThanOrEqualTo(FUZZ_FRAMES - FUZZ_FRAMES / 50);
    // Not one fuzzed datagram got past the endpoint: every one received was dropped and counted.
    await()
        .atMost(PlayWorld.WAIT)
        .until(() -> udpDrops() - dropsBefore == udp.datagramsIn() - inBefore);
    assertThat(udp.dropped(DropReason.NOT_CONNECTED)).isPositive();
    assertThat(udp.dropped(DropReason.BAD_SIZE)).isPositive();
    wellBehavedClientEntersAndMoves("fuzz_udp_after", true);
  }

  @Test
  void textAndOversizedMessagesAreRefusedAndFragmentedOnesAreReassembled() throws Exception {
    try (RawWebSocket ws = greeted()) {
      ws.sendText("hello?");
      assertThat(errorCode(ws)).isEqualTo(Error.Code.CODE_MALFORMED_FRAME);
      ws.send(new byte[70_000]); // above bluemarble.edge.ws.max-frame-bytes (65536)
      assertThat(errorCode(ws)).isEqualTo(Error.Code.CODE_FRAME_TOO_LARGE);
      ws.sendFragmented(
          Envelope.newBuilder()
              .setCorrelationId(9)
              .setPing(org.bluemarble.protocol.v1.Ping.newBuilder().setClientTimeMs(1234))
              .build()
              .toByteArray());
      Envelope pong = ws.next(Envelope.MessageCase.PONG);
      assertThat(pong).as("a Pong answers the reassembled Ping").isNotNull();
      assertThat(pong.getCorrelationId()).isEqualTo(9);
      assertThat(pong.getPong().getClientTimeMs()).isEqualTo(1234);
    }
  }

  @ParameterizedTest(name = "over UDP: {0}")
  @ValueSource(booleans = {false, true})
  void aClientWhoseInputsFloodTheCellGetsInputFloodAndIsDisconnected(boolean udp) throws Exception {
    PlayWorld.Player p = world.newPlayer(udp ? "robust_flooder_udp" : "robust_flooder_ws");
    java.util.concurrent.CompletableFuture<Disconnect> disconnect =
        new java.util.concurrent.CompletableFuture<>();
    java.util.concurrent.CompletableFuture<Error> flood =
        new java.util.concurrent.CompletableFuture<>();
    ClientListener listener =
        new ClientListener() {
          @Override
          public void onError(Error error) {
            if (error.getCode() == Error.Code.CODE_INPUT_FLOOD) {
              flood.complete(error);
            }
          }

          @Override
          public void onDisconnect(Disconnect d) {
            disconnect.complete(d);
          }
        };
    try (ClientIoLoop loop = new ClientIoLoop("flooder-io");
        BlueMarbleClient client =
            udp ? world.udp(p, listener, loop, null) : world.webSocket(p, listener)) {
      client.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
      // Far more inputs than the cell queues per player between two ticks (a UDP datagram may be
      // lost on the way, so keep sending until the server ends the session).
      for (int i = 0; i < 50_000 && !disconnect.isDone(); i++) {
        try {
          client.sendInput(new MovementIntent.Heading(90, 1));
        } catch (IllegalStateException closedMeanwhile) {
          break; // the server's Disconnect closed the client while this loop was still sending
        }
      }
      Disconnect d = disconnect.get(30, TimeUnit.SECONDS);
      assertThat(d.getReason()).isEqualTo(Disconnect.Reason.REASON_PROTOCOL_VIOLATION);
      assertThat(d.getDetail()).contains("inputs");
      Error e = flood.get(30, TimeUnit.SECONDS);
      assertThat(e.getMessage()).as("the Error names the rule").contains("inputs faster");
    }
    // The flooder's character stays for the grace period like after a lost connection, and a
    // well-behaved client still plays on the same transport.
    wellBehavedClientEntersAndMoves(udp ? "robust_after_flood_udp" : "robust_after_flood_ws", udp);
  }

  private void wellBehavedClientEntersAndMoves(String name, boolean udp) throws Exception {
    PlayWorld.Player p = world.newPlayer(name);
    try (ClientIoLoop loop = new ClientIoLoop(name + "-io");
        BlueMarbleClient client =
            udp
                ? world.udp(p, new ClientListener() {}, loop, null)
                : world.webSocket(p, new ClientListener() {})) {
      client.enterWorld(p.playerId()).get(30, TimeUnit.SECONDS);
      for (int i = 0; i < 5; i++) {
        client.sendInput(new MovementIntent.Heading(180, 2));
      }
      await().atMost(PlayWorld.WAIT).until(() -> client.unacknowledgedInputs() == 0);
    }
  }
}
