package org.bluemarble.stream.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;
import org.bluemarble.player.Player;
import org.bluemarble.protocol.events.v1.EventEnvelope;
import org.bluemarble.stream.TestKafka;

/**
 * Throughput and lag of the Kafka projection, journal on a real PostgreSQL, broker in-process
 * (KRaft). Phase 1 writes {@code backlog} Player events with the stream off, then starts a node
 * with it on and times how fast the backlog reaches a consumer (events/s, first to last record).
 * Phase 2 writes {@code paced} events at {@code rate}/s on the running node and prints the lag,
 * consumer receive time minus the event's journal timestamp (p50/p99/max).
 *
 * <p>Arguments: {@code backlog paced rate slices}, e.g. {@code 20000 2000 200 4}.
 */
public final class StreamBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  public static void main(String[] args) throws Exception {
    int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int paced = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int slices = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    int players = 200;
    try (TestKafka kafka = TestKafka.start()) {
      TestPostgres.Database db = TestPostgres.newDatabase();
      Map<String, Object> overrides = new HashMap<>(db.configOverrides());
      overrides.put("bluemarble.persistence.slices", slices);
      overrides.put("bluemarble.stream.kafka.bootstrap-servers", kafka.bootstrapServers());
      overrides.put("bluemarble.stream.kafka.topic-prefix", "bench.");
      overrides.put("bluemarble.stream.kafka.enabled", false);

      List<String> ids = new ArrayList<>();
      for (int i = 0; i < players; i++) {
        ids.add("bench-" + i);
      }
      try (InProcessNode writer = InProcessNode.start(Profile.LOCAL1, overrides)) {
        for (String id : ids) {
          ask(writer.system, id, r -> new Player.CreateCharacter("Bench " + id, "Ranger", r)).get();
        }
        writeCheckpoints(writer.system, ids, backlog - players, 0);
      }
      System.out.printf("backlog of %d Player events written (stream off)%n", backlog);

      Consumer consumer = new Consumer(kafka.consumer("bench"));
      Thread polling = new Thread(consumer, "bench-consumer");
      polling.start();
      overrides.put("bluemarble.stream.kafka.enabled", true);
      try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, overrides)) {
        consumer.awaitCount(backlog, Duration.ofMinutes(10));
        double seconds = (consumer.lastAt.get() - consumer.firstAt.get()) / 1e9;
        System.out.printf(
            "backlog: %d events in %.2f s (first to last record) = %.0f events/s over %d slices%n",
            backlog, seconds, backlog / seconds, slices);

        consumer.lag.reset();
        consumer.measureLag.set(true);
        writeCheckpoints(node.system, ids, paced, rate);
        consumer.awaitCount(backlog + paced, Duration.ofMinutes(5));
        Histogram lag = consumer.lag;
        System.out.printf(
            "lag at %d events/s: n=%d p50=%d ms p99=%d ms max=%d ms%n",
            rate,
            lag.getTotalCount(),
            lag.getValueAtPercentile(50),
            lag.getValueAtPercentile(99),
            lag.getMaxValue());
      } finally {
        consumer.running.set(false);
        polling.join(10_000);
      }
    }
    System.exit(0);
  }

  private static void writeCheckpoints(ActorSystem<?> system, List<String> ids, int n, int rate)
      throws Exception {
    Semaphore inFlight = new Semaphore(64);
    long start = System.nanoTime();
    List<CompletableFuture<Player.Reply>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (rate > 0) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
      inFlight.acquire();
      double lat = (i % 170) - 85;
      CompletableFuture<Player.Reply> f =
          ask(system, ids.get(i % ids.size()), r -> new Player.CheckpointPosition(lat, 10, 0, r));
      f.whenComplete((r, e) -> inFlight.release());
      all.add(f);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
  }

  private static CompletableFuture<Player.Reply> ask(
      ActorSystem<?> system,
      String id,
      org.apache.pekko.japi.function.Function<
              org.apache.pekko.actor.typed.ActorRef<Player.Reply>, Player.Command>
          message) {
    return ClusterSharding.get(system)
        .entityRefFor(Player.ENTITY_KEY, id)
        .ask(message, TIMEOUT)
        .toCompletableFuture();
  }

  /** Counts distinct Player events (persistence id and sequence nr) as they arrive. */
  private static final class Consumer implements Runnable {
    final KafkaConsumer<String, byte[]> kafka;
    final Set<String> seen = ConcurrentHashMap.newKeySet();
    final AtomicLong firstAt = new AtomicLong();
    final AtomicLong lastAt = new AtomicLong();
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicBoolean measureLag = new AtomicBoolean(false);
    final Histogram lag = new Histogram(3_600_000L, 3);

    Consumer(KafkaConsumer<String, byte[]> kafka) {
      this.kafka = kafka;
    }

    @Override
    public void run() {
      kafka.subscribe(Pattern.compile("bench\\.players"));
      try {
        while (running.get()) {
          for (ConsumerRecord<String, byte[]> r : kafka.poll(Duration.ofMillis(100))) {
            EventEnvelope e;
            try {
              e = EventEnvelope.parseFrom(r.value());
            } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
              throw new IllegalStateException(ex);
            }
            long now = System.nanoTime();
            if (seen.add(e.getPersistenceId() + "#" + e.getSequenceNr())) {
              firstAt.compareAndSet(0, now);
              lastAt.set(now);
              if (measureLag.get()) {
                synchronized (lag) {
                  lag.recordValue(Math.max(0, System.currentTimeMillis() - e.getTimestampMs()));
                }
              }
            }
          }
        }
      } finally {
        kafka.close();
      }
    }

    void awaitCount(int n, Duration patience) throws InterruptedException {
      long until = System.nanoTime() + patience.toNanos();
      while (seen.size() < n) {
        if (System.nanoTime() > until) {
          throw new IllegalStateException("only " + seen.size() + " of " + n + " events arrived");
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }
  }
}
