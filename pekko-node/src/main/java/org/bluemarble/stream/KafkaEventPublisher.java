package org.bluemarble.stream;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.kafka.ProducerSettings;
import org.apache.pekko.kafka.javadsl.SendProducer;

/**
 * Publishes through one pekko-connectors-kafka {@link SendProducer} per node: waits for every
 * in-sync replica ({@code acks=all}) and lets the broker drop the producer's own retried duplicates
 * (idempotence). Duplicates after a projection restart remain possible (at least once): consumers
 * keep the highest sequence number per persistence id.
 */
public final class KafkaEventPublisher implements EventPublisher {
  private final SendProducer<String, byte[]> producer;

  public KafkaEventPublisher(ActorSystem<?> system, String bootstrapServers) {
    this(system, bootstrapServers, null);
  }

  /**
   * With {@code deadline} (the node's {@code bluemarble.kafka.deadline}, null for the client's
   * defaults) bounding how long a send waits for metadata and for delivery, so that an unreachable
   * broker fails a record within it (and counts against the Kafka breaker) instead of blocking.
   */
  public KafkaEventPublisher(ActorSystem<?> system, String bootstrapServers, Duration deadline) {
    ProducerSettings<String, byte[]> settings =
        ProducerSettings.create(system, new StringSerializer(), new ByteArraySerializer())
            .withBootstrapServers(bootstrapServers)
            .withProperty(ProducerConfig.ACKS_CONFIG, "all")
            .withProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
            .withProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
    if (deadline != null) {
      long millis = deadline.toMillis();
      settings =
          settings
              .withProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(millis))
              .withProperty(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(millis))
              // Kafka wants delivery.timeout.ms >= linger.ms + request.timeout.ms.
              .withProperty(
                  ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(millis * 2 + 5))
              .withProperty(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    }
    this.producer = new SendProducer<>(settings, system);
  }

  @Override
  public CompletionStage<Done> publish(String topic, String key, byte[] value) {
    return producer
        .send(new ProducerRecord<>(topic, key, value))
        .thenApply(m -> Done.getInstance());
  }

  @Override
  public CompletionStage<Done> close() {
    return producer.close();
  }
}
