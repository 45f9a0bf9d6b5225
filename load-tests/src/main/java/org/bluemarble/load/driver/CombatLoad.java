package org.bluemarble.load.driver;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.bluemarble.load.metrics.LatencyMetric;
import org.bluemarble.load.metrics.LatencySummary;

/**
 * The combat half of a run ({@code --combat-per-minute R}): each bot uses an ability on a visible
 * target R times a minute on average; counted here are the actions sent, the hits and kills they
 * caused, the refusals, and the action → observer latency: from a bot sending an ability to the
 * first other bot seeing it used ({@code KIND_ABILITY_USED} of that bot in its {@code
 * CombatEvents}).
 */
public final class CombatLoad {
  /** The ability the bots use (their characters are Warriors; 3 m range, 1 s cooldown). */
  static final String ABILITY = "strike";

  private final double perMinute;
  final LongAdder actions = new LongAdder();
  final LongAdder hits = new LongAdder();
  final LongAdder deaths = new LongAdder();
  final LongAdder refused = new LongAdder();
  private final LatencyMetric observer = new LatencyMetric();
  // When each bot (by entity id) last sent an ability that nobody else has seen yet.
  private final Map<Long, Long> unseen = new ConcurrentHashMap<>();

  /** Abilities per bot per minute (0: off). */
  public CombatLoad(double perMinute) {
    if (!(perMinute >= 0 && perMinute <= 600)) {
      throw new IllegalArgumentException("--combat-per-minute must be in 0..600, was " + perMinute);
    }
    this.perMinute = perMinute;
  }

  /** Combat off. */
  static CombatLoad off() {
    return new CombatLoad(0);
  }

  double perMinute() {
    return perMinute;
  }

  /** Bot {@code user} sent an ability now. */
  void sent(long user, long nowNanos) {
    actions.increment();
    unseen.put(user, nowNanos);
  }

  /** A bot other than {@code user} saw {@code user} use an ability at {@code nowNanos}. */
  void seen(long user, long nowNanos) {
    Long sent = unseen.remove(user);
    if (sent != null) {
      observer.recordNanos(nowNanos - sent);
    }
  }

  /** The run's numbers, or null when combat was off. */
  Summary summary() {
    return perMinute == 0
        ? null
        : new Summary(
            perMinute, actions.sum(), hits.sum(), deaths.sum(), refused.sum(), observer.total());
  }

  /**
   * The {@code combat} object of summary.json.
   *
   * @param actionToObserver from sending an ability to another bot seeing it (p50/p99 inside)
   */
  public record Summary(
      double perMinute,
      long actions,
      long hits,
      long deaths,
      long refused,
      LatencySummary actionToObserver) {}
}
