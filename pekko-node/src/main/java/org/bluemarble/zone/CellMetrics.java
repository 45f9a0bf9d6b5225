package org.bluemarble.zone;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import kamon.Kamon;
import kamon.metric.Counter;
import kamon.metric.Gauge;
import kamon.metric.Histogram;
import kamon.metric.Timer;

/**
 * The zone cells' Prometheus metrics (through Kamon; nothing is exported when metrics are off). One
 * instance per cell feeds node-wide instruments: tick duration and overruns, players and creatures
 * per cell (sampled once a second per cell, as histograms so that the number of series does not
 * grow with the number of cells), players simulated on this node, and dropped inputs.
 */
final class CellMetrics {
  static final String TICK_DURATION = "bluemarble.zone.tick.duration";
  static final String TICK_OVERRUNS = "bluemarble.zone.tick.overruns";
  static final String CELL_PLAYERS = "bluemarble.zone.cell.players";
  static final String CELL_CREATURES = "bluemarble.zone.cell.creatures";
  static final String PLAYERS_ONLINE = "bluemarble.players.online";
  static final String INPUT_DROPPED = "bluemarble.zone.input.dropped";

  private static final Timer TICK =
      Kamon.timer(TICK_DURATION, "Wall time of one zone-cell simulation tick").withoutTags();
  private static final Counter OVERRUNS =
      Kamon.counter(TICK_OVERRUNS, "Zone-cell ticks that took longer than the tick period")
          .withoutTags();
  private static final Histogram PLAYERS =
      Kamon.histogram(
              CELL_PLAYERS, "Players in one active zone cell, sampled once a second per cell")
          .withoutTags();
  private static final Histogram CREATURES =
      Kamon.histogram(
              CELL_CREATURES, "Creatures in one active zone cell, sampled once a second per cell")
          .withoutTags();
  private static final AtomicLong ONLINE = new AtomicLong();
  private static final Gauge ONLINE_GAUGE =
      Kamon.gauge(PLAYERS_ONLINE, "Players in the zone cells this node simulates").withoutTags();
  private static final Counter DROPPED =
      Kamon.counter(
              INPUT_DROPPED, "Movement inputs dropped because a player's input queue was full")
          .withoutTags();

  private final long periodNanos;
  private final int ticksPerSample;
  private long reportedPlayers;

  /**
   * @param tickHz ticks per second: a cell samples its population every {@code tickHz} ticks
   */
  CellMetrics(int tickHz) {
    this.periodNanos = TimeUnit.SECONDS.toNanos(1) / tickHz;
    this.ticksPerSample = tickHz;
  }

  /** Players this node's cells simulate right now (the gauge's value). */
  static long playersOnline() {
    return ONLINE.get();
  }

  /** One tick of {@code costNanos}; every second also the cell's players and creatures. */
  void ticked(long tick, long costNanos, int players, int creatures) {
    TICK.record(costNanos);
    if (costNanos > periodNanos) {
      OVERRUNS.increment();
    }
    if (players != reportedPlayers) {
      ONLINE_GAUGE.update(ONLINE.addAndGet(players - reportedPlayers));
      reportedPlayers = players;
    }
    if (tick % ticksPerSample == 0) {
      PLAYERS.record(players);
      CREATURES.record(creatures);
    }
  }

  /** Inputs dropped this tick. */
  void dropped(int inputs) {
    DROPPED.increment(inputs);
  }

  /** The cell stopped: its players no longer count on this node. */
  void stopped() {
    if (reportedPlayers != 0) {
      ONLINE_GAUGE.update(ONLINE.addAndGet(-reportedPlayers));
      reportedPlayers = 0;
    }
  }
}
