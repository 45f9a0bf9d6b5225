package org.bluemarble.load.server;

/**
 * What the node said about itself during the steady state (all null when the admin API was not
 * reachable): configured rates and AOI, and the zone cells' measured tick rate and overruns.
 *
 * @param tickHz configured simulation rate
 * @param snapshotHz configured snapshot rate
 * @param aoiRadiusM configured area-of-interest radius in metres
 * @param cellsSampled zone cells whose statistics were read
 * @param minTickRateHz the slowest sampled cell's ticks per second over the steady state
 * @param overruns ticks that took longer than their period, summed over the sampled cells
 * @param note why something is missing, or null
 */
public record ServerStats(
    Integer tickHz,
    Integer snapshotHz,
    Double aoiRadiusM,
    int cellsSampled,
    Double minTickRateHz,
    Long overruns,
    String note) {

  /** Nothing known, with the reason. */
  public static ServerStats unavailable(String why) {
    return new ServerStats(null, null, null, 0, null, null, why);
  }
}
