package org.bluemarble.market.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.bluemarble.config.Profile;
import org.bluemarble.market.EconomyConfig;
import org.bluemarble.market.MarketSummary;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.listing.MarketHistory;
import org.bluemarble.market.listing.MarketSnapshot;
import org.bluemarble.market.node.EconomySettings;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;

/**
 * Recovery time of one market with {@code events} events in the journal on a real PostgreSQL
 * ({@link TestPostgres}), on a full in-process node: without a snapshot (full replay), from a
 * snapshot taken at the last event, and from a snapshot followed by {@code every - 1} events (the
 * worst case with a snapshot every {@code every}). A run is the time from spawning the market to
 * its answer to the first query (recovery finishes first); the markets take turns, in {@code
 * order}, {@code runs} times (the first run of the JVM is the cold one). Prints each run, the
 * median and the snapshot's serialized size. Args: {@code [events=20000] [every=1000] [runs=5]
 * [order=full,snap-end,snap-worst]}.
 */
public final class MarketRecoveryBenchmark {
  private MarketRecoveryBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int every = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> order =
        List.of((args.length > 3 ? args[3] : "full,snap-end,snap-worst").split(","));
    Map<String, Object> overrides = new HashMap<>(TestPostgres.newDatabase().configOverrides());
    try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, overrides)) {
      ActorSystem<Void> system = node.system;
      EconomyConfig config = EconomySettings.fromConfig(system.settings().config()).economy();
      List<Market.Event> history = MarketHistory.busy("bench", events);
      MarketSnapshot atEnd = MarketHistory.snapshotAfter("bench", history, events);
      MarketSnapshot worst = MarketHistory.snapshotAfter("bench", history, events - every + 1);
      fill(system, "full", history, null, 0);
      fill(system, "snap-end", history, atEnd, events);
      fill(system, "snap-worst", history, worst, events - every + 1);
      Serialization serialization = SerializationExtension.get(system);
      long eventBytes = 0;
      for (Market.Event e : history) {
        eventBytes += serialization.serialize(e).get().length;
      }
      byte[] bytes = serialization.serialize(atEnd).get();
      System.out.printf(
          "events: %,d bytes; snapshot of %d listings, %d sales kept: %,d bytes%n",
          eventBytes, atEnd.listings().size(), atEnd.recent().size(), bytes.length);
      Clock clock = Clock.fixed(MarketHistory.busyEnd(events), ZoneOffset.UTC);
      Map<String, List<Long>> millis = new LinkedHashMap<>();
      Map<String, MarketSummary> last = new HashMap<>();
      for (int r = 0; r < runs; r++) {
        for (String id : order) {
          long t0 = System.nanoTime();
          last.put(id, recover(system, id, config, clock));
          millis
              .computeIfAbsent(id, k -> new ArrayList<>())
              .add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
      }
      for (String id : order) {
        List<Long> sorted = millis.get(id).stream().sorted().toList();
        MarketSummary s = last.get(id);
        System.out.printf(
            "%-10s %,d events: recovery ms %s, median %d (fee sink %,d, %d active)%n",
            id,
            events,
            millis.get(id),
            sorted.get(sorted.size() / 2),
            s.feeSink(),
            s.activeListings());
      }
    }
  }

  private static void fill(
      ActorSystem<Void> system,
      String marketId,
      List<Market.Event> history,
      MarketSnapshot snapshot,
      long snapshotAt)
      throws Exception {
    ActorRef<JournalFiller.Append> filler =
        system.systemActorOf(
            new JournalFiller(marketId, snapshot, snapshotAt), "fill-" + marketId, Props.empty());
    long t0 = System.nanoTime();
    // The snapshot is taken after the write holding event snapshotAt: that write must end there.
    for (int from = 0, to; from < history.size(); from = to) {
      to = Math.min(from + 500, history.size());
      if (from < snapshotAt && to > snapshotAt) {
        to = (int) snapshotAt;
      }
      List<Market.Event> chunk = history.subList(from, to);
      AskPattern.<JournalFiller.Append, Long>ask(
              filler,
              r -> new JournalFiller.Append(List.copyOf(chunk), r),
              Duration.ofSeconds(60),
              system.scheduler())
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
    }
    System.out.printf(
        "wrote %,d events of %s in %d ms%n",
        history.size(), marketId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
  }

  /** Spawns market {@code marketId}, waits for its summary, stops it; returns the summary. */
  private static MarketSummary recover(
      ActorSystem<Void> system, String marketId, EconomyConfig config, Clock clock)
      throws Exception {
    CompletableFuture<MarketSummary> done = new CompletableFuture<>();
    Behavior<MarketSummary> probe =
        Behaviors.setup(
            ctx -> {
              ActorRef<Market.Command> market =
                  ctx.spawn(Market.create(marketId, "bench", config, clock), "market");
              market.tell(new Market.GetSummary(ctx.getSelf()));
              return Behaviors.receiveMessage(
                  s -> {
                    done.complete(s);
                    return Behaviors.stopped();
                  });
            });
    system.systemActorOf(probe, "recover-" + marketId + "-" + System.nanoTime(), Props.empty());
    return done.get(120, TimeUnit.SECONDS);
  }
}
