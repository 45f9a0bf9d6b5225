package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.node.resilience.BreakerSettings;
import org.bluemarble.node.resilience.CircuitBreaker;
import org.bluemarble.node.resilience.GuardedKafka;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The stream's Kafka producer goes through the node's Kafka breaker (the one {@code /health}
 * reports as {@code kafka}): with the broker down its records fail with UNAVAILABLE within the
 * deadline instead of blocking, the breaker opens, and then records are refused at once.
 */
@Tag("slow")
class StreamKafkaBreakerTest {

  @Test
  void streamRecordsTripTheNodesKafkaBreakerWhenTheBrokerStops() throws Exception {
    ActorTestKit testKit = ActorTestKit.create("StreamKafkaBreakerTest");
    TestKafka broker = TestKafka.start();
    boolean brokerRunning = true;
    BreakerSettings rule =
        BreakerSettings.fromConfig(
            ConfigFactory.parseMap(Map.of("bluemarble.resilience.breaker.request-volume", 4))
                .withFallback(ConfigFactory.defaultReference()));
    GuardedKafka kafka =
        GuardedKafka.connect(
            broker.bootstrapServers(), new CircuitBreaker("kafka", rule), Duration.ofSeconds(2));
    StreamSettings stream =
        StreamSettings.fromConfig(
            ConfigFactory.parseMap(
                    Map.of(
                        "bluemarble.stream.kafka.enabled",
                        true,
                        "bluemarble.stream.kafka.bootstrap-servers",
                        broker.bootstrapServers()))
                .withFallback(ConfigFactory.defaultReference()));
    EventPublisher publisher =
        StreamProjections.publisher(testKit.system(), stream, Optional.of(kafka));
    try {
      assertThat(publisher).isInstanceOf(GuardedPublisher.class);
      publisher
          .publish("t.players", "p-1", new byte[] {1})
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      assertThat(kafka.breaker().state()).isEqualTo(CircuitBreaker.State.CLOSED);

      broker.close();
      brokerRunning = false;

      // Each record fails with UNAVAILABLE (bounded by the deadline) until the breaker opens.
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                assertThatThrownBy(
                        () ->
                            publisher
                                .publish("t.players", "p-1", new byte[] {2})
                                .toCompletableFuture()
                                .get(30, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(PortException.class)
                    .hasMessageContaining("kafka is unavailable");
                return kafka.breaker().state() == CircuitBreaker.State.OPEN;
              });
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  publisher
                      .publish("t.players", "p-1", new byte[] {3})
                      .toCompletableFuture()
                      .join())
          .isInstanceOf(CompletionException.class)
          .cause()
          .hasMessageContaining("circuit open");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .as("refusal while open")
          .isLessThan(500);
    } finally {
      publisher.close().toCompletableFuture().get(30, TimeUnit.SECONDS);
      kafka.close();
      if (brokerRunning) {
        broker.close();
      }
      testKit.shutdownTestKit();
    }
  }
}
