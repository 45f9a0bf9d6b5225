package org.bluemarble.zone.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.bluemarble.zone.CellClock;

/**
 * What a 60 Hz tick source costs and how late its ticks come: {@code cells} subscribers of the
 * node's {@link CellClock} that take each tick at once (as idle cells do), or ({@code pekko}) as
 * many actors with a Pekko fixed-rate timer each, the cells' former tick source, for {@code
 * seconds}. Prints the CPU time per second of the clock's thread (of Pekko's scheduler thread) from
 * ThreadMXBean, and the lateness of one subscriber's ticks against its ideal instants (its phase +
 * n periods). Lateness depends on the machine's load: quote the load average with it.
 *
 * <pre>
 * java -cp ... org.bluemarble.zone.bench.CellClockCostMain [cells=64] [seconds=30] [clock|pekko]
 * </pre>
 */
public final class CellClockCostMain {
  private CellClockCostMain() {}

  public static void main(String[] args) throws Exception {
    int cells = args.length > 0 ? Integer.parseInt(args[0]) : 64;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    boolean pekko = args.length > 2 && args[2].equals("pekko");
    Duration period = Duration.ofNanos(1_000_000_000L / 60);
    long[] at = new long[seconds * 60 + 600];
    AtomicInteger seen = new AtomicInteger();
    AtomicLong lastIndex = new AtomicLong();
    // Tick i's instant at at[i]: Pekko's timer numbers its ticks by arrival (a late one is caught
    // up by a burst), the clock by beat (a late beat is skipped, leaving a gap).
    LongConsumer record =
        n -> {
          seen.incrementAndGet();
          lastIndex.set(n);
          if (n >= 0 && n < at.length) {
            at[(int) n] = System.nanoTime();
          }
        };
    AtomicLong arrivals = new AtomicLong();
    AtomicLong firstBeat = new AtomicLong(-1);
    String threadPrefix;
    AutoCloseable source;
    if (pekko) {
      ActorSystem<Void> system =
          ActorSystem.create(
              Behaviors.setup(
                  ctx -> {
                    for (int c = 0; c < cells; c++) {
                      boolean recorder = c == 0;
                      ctx.spawn(
                          Behaviors.<String>withTimers(
                              timers -> {
                                timers.startTimerAtFixedRate("tick", "tick", period);
                                return Behaviors.receiveMessage(
                                    m -> {
                                      if (recorder) {
                                        record.accept(arrivals.getAndIncrement());
                                      }
                                      return Behaviors.same();
                                    });
                              }),
                          "cell-" + c);
                    }
                    return Behaviors.empty();
                  }),
              "clockbench");
      threadPrefix = "clockbench-scheduler";
      source = system::terminate;
    } else {
      CellClock clock = new CellClock();
      clock.subscribe(
          period,
          (s, n) -> {
            firstBeat.compareAndSet(-1, n);
            record.accept(n - firstBeat.get());
            s.ticked();
          });
      for (int c = 1; c < cells; c++) {
        clock.subscribe(period, (s, n) -> s.ticked());
      }
      threadPrefix = "cell-clock-";
      source = clock;
    }
    LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long thread = -1;
    for (ThreadInfo t : mx.dumpAllThreads(false, false)) {
      if (t.getThreadName().startsWith(threadPrefix)) {
        thread = t.getThreadId();
      }
    }
    int seen0 = seen.get();
    int from = (int) lastIndex.get() + 1;
    long cpu0 = mx.getThreadCpuTime(thread);
    long wall0 = System.nanoTime();
    Thread.sleep(seconds * 1000L); // a benchmark's measuring window, not synchronisation
    long cpu = mx.getThreadCpuTime(thread) - cpu0;
    long wall = System.nanoTime() - wall0;
    int to = (int) Math.min(lastIndex.get(), at.length - 1);
    int ticks = seen.get() - seen0;
    source.close();
    System.out.printf(
        "%s, %d cells, 60 Hz, %d s: %s thread CPU %.3f ms per second (%.4f cores)%n",
        pekko ? "pekko fixed-rate timers" : "CellClock",
        cells,
        seconds,
        threadPrefix,
        cpu / 1e6 / (wall / 1e9),
        cpu / (double) wall);
    // Each tick's instant less n periods; the earliest of them is the phase, and how far each tick
    // is behind it is its lateness (jitter, whenever the first one came).
    long periodNanos = period.toNanos();
    long[] late =
        IntStream.rangeClosed(from, to)
            .filter(i -> at[i] != 0)
            .mapToLong(i -> at[i] - i * periodNanos)
            .toArray();
    Arrays.sort(late);
    long phase = late[0];
    for (int i = 0; i < late.length; i++) {
      late[i] -= phase;
    }
    System.out.printf(
        "ticks %d (%.1f per second): lateness p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        ticks,
        ticks / (wall / 1e9),
        late[late.length / 2] / 1e6,
        late[(int) (late.length * 0.99)] / 1e6,
        late[late.length - 1] / 1e6);
  }
}
