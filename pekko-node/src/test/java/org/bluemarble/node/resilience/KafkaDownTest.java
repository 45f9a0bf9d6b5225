package org.bluemarble.node.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bluemarble.config.Profile;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kafka (the event stream's broker, an in-process KRaft broker here) goes down: sends through
 * {@link GuardedKafka} fail with UNAVAILABLE instead of blocking, the breaker opens and then
 * refuses at once, and the node's {@code /health} names {@code kafka} degraded without hanging.
 */
@Tag("slow")
class KafkaDownTest {
  @TempDir Path dataDir;

  @Test
  void sendsAreRefusedFastAndHealthNamesKafkaWhenTheBrokerStops() throws Exception {
    KafkaClusterTestKit broker =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .build();
    boolean brokerRunning = true;
    try {
      broker.format();
      broker.startup();
      broker.waitForReadyBrokers();
      BreakerSettings rule =
          BreakerSettings.fromConfig(
              ConfigFactory.parseMap(Map.of("bluemarble.resilience.breaker.request-volume", 4))
                  .withFallback(ConfigFactory.defaultReference()));
      GuardedKafka kafka =
          GuardedKafka.connect(
              broker.bootstrapServers(), new CircuitBreaker("kafka", rule), Duration.ofSeconds(2));
      try (InProcessNode node =
              InProcessNode.start(
                  Profile.EMBEDDED,
                  Map.of(
                      "bluemarble.node.data-dir", dataDir.toString(),
                      "bluemarble.kafka.bootstrap-servers", broker.bootstrapServers()));
          KafkaProducer<String, String> producer =
              new KafkaProducer<>(
                  kafka.producerProperties(), new StringSerializer(), new StringSerializer())) {
        AdminClient api = node.client();
        assertThat(api.health().body().path("checks").path("kafka").path("status").asText())
            .isEqualTo("healthy");
        assertThat(kafka.ping().get(30, TimeUnit.SECONDS)).isNotBlank();
        RecordMetadata sent =
            kafka
                .send(producer, new ProducerRecord<>("events", "k", "v"))
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        assertThat(sent.topic()).isEqualTo("events");

        broker.close();
        brokerRunning = false;

        // Each send fails with UNAVAILABLE within the deadline until the breaker opens.
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  assertThatThrownBy(
                          () ->
                              kafka
                                  .send(producer, new ProducerRecord<>("events", "k", "v"))
                                  .toCompletableFuture()
                                  .join())
                      .isInstanceOf(CompletionException.class)
                      .cause()
                      .isInstanceOf(PortException.class)
                      .hasMessageContaining("kafka is unavailable");
                  return kafka.breaker().state() == CircuitBreaker.State.OPEN;
                });
        long start = System.nanoTime();
        assertThatThrownBy(
                () ->
                    kafka
                        .send(producer, new ProducerRecord<>("events", "k", "v"))
                        .toCompletableFuture()
                        .join())
            .cause()
            .hasMessageContaining("circuit open");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
            .as("refusal while open")
            .isLessThan(500);

        // The node's check answers (no hang) and names Kafka.
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    "degraded"
                        .equals(
                            api.health()
                                .body()
                                .path("checks")
                                .path("kafka")
                                .path("status")
                                .asText()));
        start = System.nanoTime();
        AdminClient.Response health = api.health();
        System.out.println("health with Kafka down: " + health.body());
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("degraded");
        assertThat(health.body().path("checks").path("journal").path("status").asText())
            .isEqualTo("healthy");
      } finally {
        kafka.close();
      }
    } finally {
      if (brokerRunning) {
        broker.close();
      }
    }
  }
}
