package org.bluemarble.load.driver;

import java.util.ArrayList;
import java.util.List;
import org.bluemarble.load.metrics.Counters;
import org.bluemarble.load.metrics.LatencyMetric;
import org.bluemarble.load.metrics.LatencySummary;
import org.bluemarble.load.metrics.TimelinePoint;

/**
 * Turns the run's counters into one {@link TimelinePoint} per second and sums the steady-state
 * rates: snapshots per in-world bot-second, bytes per connected bot-second. Called by one thread.
 */
final class Sampler {

  private final Counters counters;
  private final LatencyMetric rtt;
  private final LatencyMetric observer;
  private final List<Bot> bots;
  private final List<TimelinePoint> timeline = new ArrayList<>();
  private long lastSnapshots;
  private long lastBytesIn;
  private long lastBytesOut;
  private long lastNanos = System.nanoTime();
  private int peakConnected;
  private int peakInWorld;
  private double steadyBotSeconds;
  private double steadyConnectedSeconds;
  private double steadySeconds;
  private double steadySnapshots;
  private double steadyBytesIn;
  private double steadyBytesOut;

  Sampler(Counters counters, LatencyMetric rtt, LatencyMetric observer, List<Bot> bots) {
    this.counters = counters;
    this.rtt = rtt;
    this.observer = observer;
    this.bots = bots;
  }

  /** Closes the second that just ended. */
  TimelinePoint sample(int second, Phase phase) {
    long now = System.nanoTime();
    double dt = Math.max(1e-3, (now - lastNanos) / 1e9);
    lastNanos = now;
    long bytesIn = 0;
    long bytesOut = 0;
    for (Bot b : bots) {
      bytesIn += b.bytesIn();
      bytesOut += b.bytesOut();
    }
    long snapshots = counters.snapshots.sum();
    double dSnap = snapshots - lastSnapshots;
    double dIn = bytesIn - lastBytesIn;
    double dOut = bytesOut - lastBytesOut;
    lastSnapshots = snapshots;
    lastBytesIn = bytesIn;
    lastBytesOut = bytesOut;
    int connected = counters.connected.get();
    int inWorld = counters.inWorld.get();
    peakConnected = Math.max(peakConnected, connected);
    peakInWorld = Math.max(peakInWorld, inWorld);
    boolean steady = phase == Phase.STEADY;
    LatencySummary r = rtt.sample(steady);
    LatencySummary o = observer.sample(steady);
    if (steady) {
      steadyBotSeconds += inWorld * dt;
      steadySnapshots += dSnap;
      steadyBytesIn += dIn;
      steadyBytesOut += dOut;
      steadyConnectedSeconds += connected * dt;
      steadySeconds += dt;
    }
    double perBot = Math.max(1, inWorld) * dt;
    double perConnected = Math.max(1, connected) * dt;
    TimelinePoint p =
        new TimelinePoint(
            second,
            phase.name().toLowerCase(java.util.Locale.ROOT),
            connected,
            inWorld,
            r.p50Ms(),
            r.p99Ms(),
            o.p50Ms(),
            o.p99Ms(),
            round(dSnap / perBot),
            round(dIn / perConnected),
            round(dOut / perConnected),
            counters.errorCount(),
            counters.disconnectCount());
    timeline.add(p);
    return p;
  }

  List<TimelinePoint> timeline() {
    return timeline;
  }

  int peakConnected() {
    return peakConnected;
  }

  int peakInWorld() {
    return peakInWorld;
  }

  double meanInWorldSteady() {
    return steadySeconds == 0 ? 0 : round(steadyBotSeconds / steadySeconds);
  }

  double snapshotsPerBotSecond() {
    return steadyBotSeconds == 0 ? 0 : round(steadySnapshots / steadyBotSeconds);
  }

  double bytesInPerBotSecond() {
    return steadyConnectedSeconds == 0 ? 0 : round(steadyBytesIn / steadyConnectedSeconds);
  }

  double bytesOutPerBotSecond() {
    return steadyConnectedSeconds == 0 ? 0 : round(steadyBytesOut / steadyConnectedSeconds);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
