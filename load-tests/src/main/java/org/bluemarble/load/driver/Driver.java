package org.bluemarble.load.driver;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.server.ServerProbe;
import org.bluemarble.load.server.ServerStats;

/**
 * The driver thread's work: every 10 ms start or stop the bots the {@link Schedule} asks for and
 * send the inputs of one slot (bot i sends in slot i mod 10, so each bot sends every 100 ms); every
 * second close a timeline sample. Server statistics are read on {@code blocking} at the steady
 * state's start and end. Only the driver thread calls {@link #step} and {@link #sample}.
 */
final class Driver {

  private final List<Bot> bots;
  private final Schedule schedule;
  private final Sampler sampler;
  private final ServerProbe probe;
  private final List<LatLng> starts;
  private final Executor blocking;
  private final CompletableFuture<ServerStats> serverStats;
  private final CompletableFuture<Void> done;
  private final long t0 = System.nanoTime();
  private Phase phase = Phase.RAMP_UP;
  private int started;
  private int stopped;
  private long slot;
  private int second;

  Driver(
      List<Bot> bots,
      Schedule schedule,
      Sampler sampler,
      ServerProbe probe,
      List<LatLng> starts,
      Executor blocking,
      CompletableFuture<ServerStats> serverStats,
      CompletableFuture<Void> done) {
    this.bots = bots;
    this.schedule = schedule;
    this.sampler = sampler;
    this.probe = probe;
    this.starts = starts;
    this.blocking = blocking;
    this.serverStats = serverStats;
    this.done = done;
  }

  void step() {
    try {
      double now = (System.nanoTime() - t0) / 1e9;
      Phase next = schedule.phaseAt(now);
      if (next != phase) {
        enter(next);
      }
      while (started < schedule.startedBy(now)) {
        bots.get(started++).start();
      }
      int stopTarget = phase == Phase.DONE ? bots.size() : schedule.stoppedBy(now);
      while (stopped < stopTarget) {
        bots.get(stopped++).stop();
      }
      int s = (int) (slot++ % LoadRun.SLOTS);
      for (int i = s; i < started; i += LoadRun.SLOTS) {
        bots.get(i).tick();
      }
      if (phase == Phase.DONE && !done.isDone()) {
        sample();
        done.complete(null);
      }
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  void sample() {
    if (!done.isDone()) {
      sampler.sample(++second, phase);
    }
  }

  private void enter(Phase next) {
    if (next == Phase.STEADY) {
      blocking.execute(() -> probe.begin(starts));
    }
    if (phase == Phase.STEADY) {
      blocking.execute(() -> serverStats.complete(probe.end()));
    }
    phase = next;
  }
}
