package org.bluemarble.node.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;

/**
 * The node's way to Kafka behind one {@link CircuitBreaker}: a health probe (the cluster's id
 * through an admin client, with a deadline) and {@link #send}, which a producer of the event stream
 * passes its records through. Retriable errors (broker unreachable, timeouts) count as failures and
 * complete with {@link org.bluemarble.edge.port.PortException} UNAVAILABLE; while the breaker is
 * open, sends are refused at once instead of blocking for metadata. Errors that are the record's
 * fault (too large, not serialisable) pass through and count for nothing against the broker.
 *
 * <p>Producers should start from {@link #producerProperties()}: it bounds how long {@code send} may
 * block the caller for metadata ({@code max.block.ms}) and how long a record may wait for delivery,
 * so that an unreachable broker is seen within the breaker's deadline.
 */
public final class GuardedKafka implements AutoCloseable {
  private final String bootstrapServers;
  private final CircuitBreaker breaker;
  private final Duration deadline;
  private final Admin admin;

  private GuardedKafka(
      String bootstrapServers, CircuitBreaker breaker, Duration deadline, Admin admin) {
    this.bootstrapServers = bootstrapServers;
    this.breaker = breaker;
    this.deadline = deadline;
    this.admin = admin;
  }

  /**
   * An admin client for {@code bootstrapServers} (host:port[,host:port...]) whose requests give up
   * after {@code deadline}; no connection is made before the first probe.
   */
  public static GuardedKafka connect(
      String bootstrapServers, CircuitBreaker breaker, Duration deadline) {
    int millis = (int) deadline.toMillis();
    Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "bluemarble-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                // Reconnect attempts back off; keep them short so that recovery is seen soon.
                CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
    return new GuardedKafka(bootstrapServers, breaker, deadline, admin);
  }

  /** How long a probe or a send waits for the broker before it counts as failed. */
  public Duration deadline() {
    return deadline;
  }

  public CircuitBreaker breaker() {
    return breaker;
  }

  /** One round trip to the cluster (its id), through the breaker. */
  public CompletableFuture<String> ping() {
    return breaker.callAsync(
        () ->
            admin
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) deadline.toMillis()))
                .clusterId()
                .toCompletionStage(),
        GuardedKafka::outage,
        deadline.plusSeconds(1));
  }

  /** The {@code kafka} check of {@code /health}. */
  public Dependency health() {
    return new Dependency(
        "kafka", breaker, this::ping, deadline.plusSeconds(1), "event stream records refused");
  }

  /**
   * Sends {@code record} through the breaker: completes with its metadata once the broker has it,
   * or with UNAVAILABLE when the broker is unreachable or the breaker is open.
   */
  public <K, V> CompletionStage<RecordMetadata> send(
      Producer<K, V> producer, ProducerRecord<K, V> record) {
    return breaker.callAsync(
        () -> {
          CompletableFuture<RecordMetadata> sent = new CompletableFuture<>();
          try {
            producer.send(
                record,
                (metadata, error) -> {
                  if (error == null) {
                    sent.complete(metadata);
                  } else {
                    sent.completeExceptionally(error);
                  }
                });
          } catch (RuntimeException e) {
            // send() throws for metadata it could not get within max.block.ms.
            sent.completeExceptionally(e);
          }
          return sent;
        },
        GuardedKafka::outage,
        Duration.ZERO);
  }

  /** Producer settings with this cluster and delivery bounded by the breaker's deadline. */
  public Properties producerProperties() {
    Properties p = new Properties();
    int millis = (int) deadline.toMillis();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis * 2);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
    return p;
  }

  private static boolean outage(Throwable t) {
    return t instanceof RetriableException
        || t instanceof org.apache.kafka.common.errors.InterruptException;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
