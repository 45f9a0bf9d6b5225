package org.bluemarble.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.bluemarble.testing.SelfSignedKeystore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS on the public port from a PKCS12 keystore (a self-signed one generated with the JDK's
 * keytool), HSTS on the responses, and plain HTTP refused on that port.
 */
class EdgeTlsTest {
  private static final String PASSWORD = SelfSignedKeystore.PASSWORD;

  @TempDir Path dir;

  @Test
  void servesHttpsWithHstsFromAPkcs12Keystore() throws Exception {
    SelfSignedKeystore store = SelfSignedKeystore.create(dir.resolve("edge.p12"), "edge");
    Path keystore = store.file();
    EdgeTls tls =
        EdgeTls.fromConfig(
                ConfigFactory.parseMap(
                    Map.of(
                        "bluemarble.edge.tls.keystore",
                        keystore.toString(),
                        "bluemarble.edge.tls.keystore-password",
                        PASSWORD,
                        "bluemarble.edge.tls.hsts-max-age",
                        "365d")))
            .orElseThrow();
    assertThat(tls.toString()).doesNotContain(PASSWORD);
    ActorTestKit kit = ActorTestKit.create();
    try {
      ServerBinding binding =
          new EdgeServer(
                  new EdgeServer.Settings("127.0.0.1", 0, false, "test"),
                  new EdgeServerTest.InMemoryGame())
              .start(kit.system(), Optional.of(tls))
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      int port = binding.localAddress().getPort();
      HttpClient https =
          HttpClient.newBuilder()
              .sslContext(store.trustingContext())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpResponse<String> health =
          https.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Strict-Transport-Security"))
          .contains("max-age=31536000; includeSubDomains");

      HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThatThrownBy(
              () ->
                  plain.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                          .timeout(Duration.ofSeconds(10))
                          .build(),
                      HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
      binding.unbind().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      kit.shutdownTestKit();
    }
  }

  @Test
  void emptyKeystoreMeansPlainHttpAndAMissingFileIsNamed() {
    assertThat(
            EdgeTls.fromConfig(ConfigFactory.parseMap(Map.of("bluemarble.edge.tls.keystore", ""))))
        .isEmpty();
    assertThatThrownBy(
            () ->
                EdgeTls.fromConfig(
                    ConfigFactory.parseMap(
                        Map.of(
                            "bluemarble.edge.tls.keystore", dir.resolve("missing.p12").toString(),
                            "bluemarble.edge.tls.keystore-password", "x",
                            "bluemarble.edge.tls.hsts-max-age", "1d"))))
        .hasMessageContaining("bluemarble.edge.tls.keystore");
  }
}
