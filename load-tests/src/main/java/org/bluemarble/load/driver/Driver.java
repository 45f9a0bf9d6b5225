package org.bluemarble.load.driver;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.server.ServerProbe;
import org.bluemarble.load.server.ServerStats;

/**
 * The driver thread's work: every 10 ms start or stop the bots the {@link Schedule} asks for (the
 * warm-up, then the steady state, begins when every started bot is in the world or failed), and
 * send the inputs of one slot (bot i sends in slot i mod 10, so each bot sends every 100 ms; a late
 * driver skips the slots it missed instead of sending them in a burst, see {@link InputPacer});
 * every second close a timeline sample. Server statistics are read on {@code blocking} at the
 * steady state's start and end. Only the driver thread calls {@link #step} and {@link #sample}.
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
  private final SteadyCpu cpu;
  private final long t0 = System.nanoTime();
  private Phase phase = Phase.RAMP_UP;
  private final java.util.concurrent.atomic.AtomicInteger settled =
      new java.util.concurrent.atomic.AtomicInteger();
  private double warmupStart;
  private double steadyStart;
  private double rampDownStart;
  private int started;
  private int stopped;
  private final InputPacer pacer = new InputPacer(LoadRun.STEP_NANOS);
  private int second;

  Driver(
      List<Bot> bots,
      Schedule schedule,
      Sampler sampler,
      ServerProbe probe,
      List<LatLng> starts,
      Executor blocking,
      CompletableFuture<ServerStats> serverStats,
      CompletableFuture<Void> done,
      SteadyCpu cpu) {
    this.cpu = cpu;
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
      while (started < schedule.startedBy(now)) {
        bots.get(started++).start().whenComplete((v, t) -> settled.incrementAndGet());
      }
      advance(now);
      if (phase == Phase.RAMP_DOWN || phase == Phase.DONE) {
        int stopTarget =
            phase == Phase.DONE ? bots.size() : schedule.stoppedBy(now - rampDownStart);
        while (stopped < stopTarget) {
          bots.get(stopped++).stop();
        }
      }
      long slot = pacer.next(System.nanoTime() - t0);
      if (slot != InputPacer.NONE) {
        int s = (int) (slot % LoadRun.SLOTS);
        for (int i = s; i < started; i += LoadRun.SLOTS) {
          bots.get(i).tick();
        }
      }
      if (phase == Phase.DONE && !done.isDone()) {
        sample();
        done.complete(null);
      }
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  private void advance(double now) {
    if (phase == Phase.RAMP_UP && now >= schedule.rampUpSeconds()) {
      boolean allSettled = settled.get() >= bots.size();
      if (allSettled || now >= schedule.rampUpSeconds() + Schedule.SETTLE_LIMIT_SECONDS) {
        warmupStart = now;
        steadyStart = now;
        enter(schedule.afterRampUp());
      }
    } else if (phase == Phase.WARM_UP && now >= warmupStart + schedule.warmupSeconds()) {
      steadyStart = now;
      enter(Phase.STEADY);
    } else if (phase == Phase.STEADY && now >= steadyStart + schedule.steadySeconds()) {
      rampDownStart = now;
      enter(Phase.RAMP_DOWN);
    } else if (phase == Phase.RAMP_DOWN && now >= rampDownStart + schedule.rampDownSeconds()) {
      enter(Phase.DONE);
    }
  }

  /** Input slots skipped because the driver thread ran late (see {@link InputPacer}). */
  long skippedSlots() {
    return pacer.skipped();
  }

  void sample() {
    if (!done.isDone()) {
      sampler.sample(++second, phase);
    }
  }

  private void enter(Phase next) {
    if (next == Phase.STEADY) {
      cpu.begin();
      blocking.execute(() -> probe.begin(starts));
    }
    if (phase == Phase.STEADY) {
      cpu.end(sampler.meanInWorldSteady());
      blocking.execute(() -> serverStats.complete(probe.end()));
    }
    phase = next;
  }
}
