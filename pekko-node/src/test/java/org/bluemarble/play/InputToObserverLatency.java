package org.bluemarble.play;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.bluemarble.config.Profile;
import org.bluemarble.node.CommonPool;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.protocol.client.BlueMarbleClient;
import org.bluemarble.protocol.client.ClientIoLoop;
import org.bluemarble.protocol.client.ClientListener;
import org.bluemarble.protocol.movement.MovementIntent;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.SnapshotState;
import org.bluemarble.protocol.v1.Snapshot;

/**
 * Prints the end-to-end latency on localhost from one client's input to another client's snapshot
 * showing its effect (p50/p99/max), over WebSocket and over UDP, on an in-process node. A standing
 * mover starts walking; the latency is the time until the observer first sees it away from where it
 * stood. Run it as described in the README ("Play").
 *
 * <p>Arguments: {@code [samples per transport, default 100]}.
 */
public final class InputToObserverLatency {
  private InputToObserverLatency() {}

  /** Resolves with the receive time when the watched entity is seen away from {@code from}. */
  static final class Watcher implements ClientListener {
    final AtomicReference<long[]> watch = new AtomicReference<>();
    volatile EntityState from;
    volatile CompletableFuture<Long> seen = new CompletableFuture<>();

    @Override
    public void onSnapshot(Snapshot snapshot, SnapshotState state) {
      long[] w = watch.get();
      EntityState s = w == null ? null : state.find(w[0]);
      EntityState f = from;
      if (s != null && f != null && s.distanceSquaredCm(f) > 4) {
        seen.complete(System.nanoTime());
      }
    }
  }

  public static void main(String[] args) throws Exception {
    CommonPool.requireParallelism();
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    Path data = Files.createTempDirectory("latency");
    InProcessNode node =
        InProcessNode.start(
            Profile.EMBEDDED,
            Map.of(
                "bluemarble.node.data-dir", data.toString(),
                "bluemarble.auth.argon2.memory-kib", 1024,
                "bluemarble.auth.argon2.iterations", 1));
    try (ClientIoLoop loop = new ClientIoLoop("latency-io")) {
      PlayWorld world = new PlayWorld(node);
      for (boolean udp : new boolean[] {false, true}) {
        String tag = udp ? "udp" : "ws";
        PlayWorld.Player mover = world.newPlayer("lat_mover_" + tag);
        PlayWorld.Player observer = world.newPlayer("lat_observer_" + tag);
        Watcher watcher = new Watcher();
        try (BlueMarbleClient m =
                udp
                    ? world.udp(mover, new ClientListener() {}, loop, null)
                    : world.webSocket(mover, new ClientListener() {});
            BlueMarbleClient o =
                udp
                    ? world.udp(observer, watcher, loop, null)
                    : world.webSocket(observer, watcher)) {
          long id = m.enterWorld(mover.playerId()).get(30, TimeUnit.SECONDS).getEntityId();
          o.enterWorld(observer.playerId()).get(30, TimeUnit.SECONDS);
          watcher.watch.set(new long[] {id});
          Histogram histogram = new Histogram(3_600_000_000L, 3);
          int heading = 0;
          for (int i = 0; i < samples + 5; i++) {
            // Stand still until two snapshots agree, then start walking and time it.
            m.sendInput(new MovementIntent.Heading(heading, 0));
            EntityState still = settle(o, id);
            watcher.from = still;
            watcher.seen = new CompletableFuture<>();
            heading = (heading + 90) % 360;
            long sent = System.nanoTime();
            m.sendInput(new MovementIntent.Heading(heading, 5));
            long seenAt = watcher.seen.get(10, TimeUnit.SECONDS);
            if (i >= 5) {
              histogram.recordValue((seenAt - sent) / 1_000);
            }
          }
          System.out.printf(
              "%s input->observer latency over %d samples: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
              tag,
              histogram.getTotalCount(),
              histogram.getValueAtPercentile(50) / 1000.0,
              histogram.getValueAtPercentile(99) / 1000.0,
              histogram.getMaxValue() / 1000.0);
        }
      }
    } finally {
      node.close();
    }
    System.exit(0);
  }

  private static EntityState settle(BlueMarbleClient observer, long id) throws Exception {
    EntityState last = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      SnapshotState w = observer.world();
      EntityState now = w == null ? null : w.find(id);
      if (now != null && now.equals(last)) {
        return now;
      }
      last = now;
      // Poll at roughly the snapshot interval (50 ms) — a benchmark main, not a test.
      TimeUnit.MILLISECONDS.sleep(60);
    }
    throw new IllegalStateException("entity " + id + " never settled");
  }
}
