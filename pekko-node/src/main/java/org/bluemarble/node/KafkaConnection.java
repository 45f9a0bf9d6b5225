package org.bluemarble.node;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.bluemarble.config.SettingsException;
import org.bluemarble.node.resilience.BreakerSettings;
import org.bluemarble.node.resilience.CircuitBreaker;
import org.bluemarble.node.resilience.GuardedKafka;

/**
 * Opens the node's guarded Kafka client when {@code bluemarble.kafka.bootstrap-servers} is set
 * (else empty: no Kafka, no health check) and closes it with CoordinatedShutdown. Producers of the
 * event stream send through the returned {@link GuardedKafka}.
 */
final class KafkaConnection {
  static final Duration MIN_DEADLINE = Duration.ofMillis(100);
  static final Duration MAX_DEADLINE = Duration.ofSeconds(60);

  private KafkaConnection() {}

  static Optional<GuardedKafka> open(ActorSystem<?> system, Config config) {
    String servers = config.getString("bluemarble.kafka.bootstrap-servers");
    if (servers.isBlank()) {
      return Optional.empty();
    }
    GuardedKafka kafka;
    try {
      Duration deadline = config.getDuration("bluemarble.kafka.deadline");
      if (deadline.compareTo(MIN_DEADLINE) < 0 || deadline.compareTo(MAX_DEADLINE) > 0) {
        throw SettingsException.invalid("bluemarble.kafka.deadline", deadline, "100ms-60s");
      }
      CircuitBreaker breaker = new CircuitBreaker("kafka", BreakerSettings.fromConfig(config));
      kafka = GuardedKafka.connect(servers, breaker, deadline);
    } catch (SettingsException e) {
      throw new StartupException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StartupException(
          "invalid bluemarble.kafka.bootstrap-servers / BLUEMARBLE_KAFKA_BOOTSTRAP_SERVERS '"
              + servers
              + "': "
              + e.getMessage(),
          e);
    }
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-kafka",
            () -> {
              kafka.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    return Optional.of(kafka);
  }
}
