package org.bluemarble.load.metrics;

/**
 * One second of a run as the reports chart it: CCU, latency percentiles of that second, rates per
 * in-world bot and the failures so far.
 *
 * @param second seconds since the run started
 * @param phase ramp-up, steady or ramp-down
 * @param connected bots with an open game connection
 * @param inWorld bots in the world
 * @param rttP50Ms input → ack round trip, p50 of this second
 * @param rttP99Ms input → ack round trip, p99 of this second
 * @param observerP50Ms input → observer, p50 of this second
 * @param observerP99Ms input → observer, p99 of this second
 * @param snapshotsPerBot snapshots received per in-world bot per second
 * @param bytesInPerBot bytes received per connected bot per second
 * @param bytesOutPerBot bytes sent per connected bot per second
 * @param errors errors so far
 * @param disconnects unplanned disconnects so far
 */
public record TimelinePoint(
    int second,
    String phase,
    int connected,
    int inWorld,
    double rttP50Ms,
    double rttP99Ms,
    double observerP50Ms,
    double observerP99Ms,
    double snapshotsPerBot,
    double bytesInPerBot,
    double bytesOutPerBot,
    long errors,
    long disconnects) {}
