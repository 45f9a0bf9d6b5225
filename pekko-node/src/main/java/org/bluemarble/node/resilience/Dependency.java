package org.bluemarble.node.resilience;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * An external dependency {@code /health} checks (Redis, MongoDB, Kafka): its circuit breaker and a
 * cheap round trip ({@code ping}) the check awaits for at most {@code deadline}.
 *
 * @param name the check's name in {@code /health} and {@code bluemarble_health_status}
 * @param breaker the breaker every call to the dependency passes
 * @param ping one round trip to the dependency; fails or never completes when it is down
 * @param deadline how long the health check waits for the ping
 * @param whenOpen what the node refuses while the breaker is open, for the check's message
 */
public record Dependency(
    String name,
    CircuitBreaker breaker,
    Supplier<? extends CompletionStage<?>> ping,
    Duration deadline,
    String whenOpen) {}
