package org.bluemarble.load.driver;

import java.nio.file.Path;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.scenario.Scenario;

/**
 * One fixed run, validated: where the node is, how many bots for how long, which transport and
 * scenario, and the seed.
 *
 * @param target host of the node (loopback unless given explicitly)
 * @param httpPort the node's HTTP port (REST API and the game WebSocket {@code /ws})
 * @param udpPort the node's UDP port
 * @param bots number of bots (1..100,000)
 * @param seconds steady-state duration in seconds (1..86,400)
 * @param rampSeconds ramp-up duration in seconds; ramp-down takes half of it
 * @param transport udp, ws or mixed
 * @param scenario dense or spread
 * @param seed the behaviour seed
 * @param centre the scenario's centre
 * @param admin {@code user:password} of an Admin for the bulk account route and the world stats, or
 *     null
 * @param chatPerMinute chat lines per bot per minute (0: off)
 * @param out the report folder
 * @param observerPct percentage of bots that decode snapshots and time observations (1..100); the
 *     others receive, count and acknowledge snapshots without decoding them
 * @param nodePid process id of the node when it runs on this machine (its CPU is read from {@code
 *     /proc}), or 0
 * @param combatPerMinute abilities each bot uses per minute on a visible target (0: off)
 * @param warmupSeconds seconds the bots play after the ramp-up before the steady state begins; not
 *     counted, so the steady state measures a server whose JIT has compiled the hot paths (0: none)
 */
public record RunSettings(
    String target,
    int httpPort,
    int udpPort,
    int bots,
    int seconds,
    int rampSeconds,
    TransportMode transport,
    Scenario scenario,
    long seed,
    LatLng centre,
    String admin,
    double chatPerMinute,
    Path out,
    int observerPct,
    long nodePid,
    double combatPerMinute,
    int warmupSeconds) {

  /** Largest number of bots one driver accepts. */
  public static final int MAX_BOTS = 100_000;

  /** Validates every field; the message names the option and the allowed range. */
  public RunSettings {
    requireRange("--http-port", httpPort, 1, 65_535);
    requireRange("--udp-port", udpPort, 1, 65_535);
    requireRange("--bots", bots, 1, MAX_BOTS);
    requireRange("--seconds", seconds, 1, 86_400);
    requireRange("--ramp-seconds", rampSeconds, 0, 3_600);
    requireRange("--warmup-seconds", warmupSeconds, 0, 3_600);
    requireRange("--observer-pct", observerPct, 1, 100);
    requireRange("--node-pid", nodePid, 0, Long.MAX_VALUE);
    if (!(combatPerMinute >= 0 && combatPerMinute <= 600)) {
      throw new IllegalArgumentException(
          "--combat-per-minute must be in 0..600, was " + combatPerMinute);
    }
    if (!(chatPerMinute >= 0 && chatPerMinute <= 600)) {
      throw new IllegalArgumentException(
          "--chat-per-minute must be in 0..600, was " + chatPerMinute);
    }
    if (admin != null && admin.indexOf(':') <= 0) {
      throw new IllegalArgumentException("--admin must be user:password");
    }
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("--target must name a host");
    }
  }

  /** Whether bot {@code index} decodes snapshots: {@link #observerPct} % of them, spread evenly. */
  public boolean observes(int index) {
    return (long) (index + 1) * observerPct / 100 > (long) index * observerPct / 100;
  }

  /** The same run with a warm-up of {@code w} seconds between the ramp-up and the steady state. */
  public RunSettings withWarmupSeconds(int w) {
    return copy(bots, seconds, out, w);
  }

  /** The same run with another number of bots (capacity steps). */
  public RunSettings withBots(int n) {
    return copy(n, seconds, out, warmupSeconds);
  }

  /** The same run with another steady-state duration and report folder. */
  public RunSettings withSecondsAndOut(int s, Path dir) {
    return copy(bots, s, dir, warmupSeconds);
  }

  private RunSettings copy(int bots, int seconds, Path out, int warmupSeconds) {
    return new RunSettings(
        target,
        httpPort,
        udpPort,
        bots,
        seconds,
        rampSeconds,
        transport,
        scenario,
        seed,
        centre,
        admin,
        chatPerMinute,
        out,
        observerPct,
        nodePid,
        combatPerMinute,
        warmupSeconds);
  }

  private static void requireRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in " + min + ".." + max + ", was " + value);
    }
  }
}
