package org.bluemarble.stream;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.pekko.Done;
import org.bluemarble.node.resilience.CircuitBreaker;

/**
 * The stream's publisher behind the node's Kafka {@link CircuitBreaker} (the one {@code /health}
 * shows as {@code kafka}): an unreachable broker counts as a failure, and while the breaker is open
 * records are refused at once, so the projections back off and retry from their offsets instead of
 * each waiting for the broker. A record the broker refuses for its own fault counts for nothing.
 */
public final class GuardedPublisher implements EventPublisher {
  private final EventPublisher delegate;
  private final CircuitBreaker breaker;

  public GuardedPublisher(EventPublisher delegate, CircuitBreaker breaker) {
    this.delegate = delegate;
    this.breaker = breaker;
  }

  @Override
  public CompletionStage<Done> publish(String topic, String key, byte[] value) {
    return breaker.callAsync(
        () -> delegate.publish(topic, key, value), GuardedPublisher::outage, Duration.ZERO);
  }

  @Override
  public CompletionStage<Done> close() {
    return delegate.close();
  }

  static boolean outage(Throwable t) {
    return t instanceof RetriableException
        || t instanceof org.apache.kafka.common.errors.InterruptException;
  }
}
