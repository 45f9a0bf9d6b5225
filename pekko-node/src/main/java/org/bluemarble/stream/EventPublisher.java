package org.bluemarble.stream;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Where the stream's records go: Kafka in production ({@link KafkaEventPublisher}). A small
 * interface so that the sender can be wrapped (a circuit breaker) or replaced in a test.
 */
public interface EventPublisher {
  /** Completes once the broker has acknowledged the record; fails if it did not. */
  CompletionStage<Done> publish(String topic, String key, byte[] value);

  /** Flushes and releases the connection. */
  CompletionStage<Done> close();
}
