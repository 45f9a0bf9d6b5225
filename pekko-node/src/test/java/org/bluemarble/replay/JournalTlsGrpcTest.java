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
import java.util.concurrent.TimeUnit;
import org.apache.pekko.grpc.GrpcClientSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.node.Main;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.FreePorts;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.replay.grpc.JournalServiceClient;
import org.bluemarble.replay.grpc.StateRequest;
import org.bluemarble.testing.SelfSignedKeystore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The gRPC journal service over TLS with a PKCS12 keystore (self-signed, made by the JDK's keytool
 * here): a client trusting the certificate is served, a plaintext client is not, and {@code replay
 * tail --truststore} prints live events.
 */
class JournalTlsGrpcTest {
  private static final String PASSWORD = SelfSignedKeystore.PASSWORD;

  @TempDir Path dir;

  @Test
  void servesOverTlsOnlyWithTheConfiguredKeystore() throws Exception {
    Path keystore = SelfSignedKeystore.create(dir.resolve("grpc.p12"), "grpc").file();
    int grpcPort = FreePorts.next();
    try (InProcessNode node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir",
                dir.resolve("data").toString(),
                "bluemarble.journal-service.port",
                grpcPort,
                "bluemarble.journal-service.poll-interval",
                "100ms",
                "bluemarble.journal-service.tls.enabled",
                true,
                "bluemarble.journal-service.tls.keystore",
                keystore.toString(),
                "bluemarble.journal-service.tls.keystore-password",
                PASSWORD))) {
      AdminClient admin = node.client();
      String token = admin.adminToken();
      String id = admin.createPlayer("Secured", "Mage").body().path("id").asText();
      StateRequest request = StateRequest.newBuilder().setPersistenceId("Player|" + id).build();

      JournalServiceClient secure =
          JournalServiceClient.create(
              GrpcClientSettings.connectToServiceAt("127.0.0.1", grpcPort, node.system)
                  .withTls(true)
                  .withTrustManager(ReplayTail.trusting(keystore, PASSWORD)),
              node.system);
      try {
        var reply =
            secure
                .state()
                .addHeader("authorization", "Bearer " + token)
                .invoke(request)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertThat(reply.getStateJson()).contains("\"name\":\"Secured\"");
      } finally {
        secure.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }

      JournalServiceClient plain =
          JournalServiceClient.create(
              GrpcClientSettings.connectToServiceAt("127.0.0.1", grpcPort, node.system)
                  .withTls(false)
                  .withConnectionAttempts(1),
              node.system);
      try {
        assertThatThrownBy(
                () ->
                    plain
                        .state()
                        .addHeader("authorization", "Bearer " + token)
                        .invoke(request)
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS))
            .hasCauseInstanceOf(io.grpc.StatusRuntimeException.class);
      } finally {
        // Its connection never came up: closing completes with that failure.
        plain
            .close()
            .toCompletableFuture()
            .handle((done, failure) -> done)
            .get(10, TimeUnit.SECONDS);
      }

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
                          token,
                          "--truststore",
                          keystore.toString(),
                          "--truststore-password",
                          PASSWORD,
                          "--type",
                          "Player",
                          "--limit",
                          "1"));
      await()
          .atMost(Duration.ofSeconds(60))
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (tail.isDone()) {
                  return true;
                }
                admin.createPlayer("Overtls", "Ranger");
                return false;
              });
      assertThat(tail.join()).as(out.toString()).isZero();
      assertThat(out.toString()).contains("Player|", "name: \"Overtls\"");
    }
  }
}
