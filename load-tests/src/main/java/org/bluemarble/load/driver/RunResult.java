package org.bluemarble.load.driver;

import java.util.List;
import java.util.Map;
import org.bluemarble.load.metrics.LatencySummary;
import org.bluemarble.load.metrics.TimelinePoint;
import org.bluemarble.load.server.ServerStats;

/**
 * Everything one fixed run measured; rates and latencies are over the steady state. Serialised as
 * the JSON summary and rendered as the HTML report.
 *
 * @param settings the run's settings as printed
 * @param geometry the scenario geometry in one line
 * @param notes assumptions and warnings printed during the run
 * @param startedAt ISO-8601 start time
 * @param durationSeconds wall time of the whole run
 * @param botsRequested bots asked for
 * @param peakConnected most bots connected at once
 * @param peakInWorld most bots in the world at once
 * @param meanInWorldSteady mean in-world bots over the steady state
 * @param inputAckRtt input → InputAck round trip
 * @param inputToObserver input → first snapshot of another bot showing the move
 * @param snapshotsPerBotPerSecond snapshots received per in-world bot per second
 * @param bytesInPerBotPerSecond bytes received per connected bot per second
 * @param bytesOutPerBotPerSecond bytes sent per connected bot per second
 * @param inputsSent movement inputs sent (whole run)
 * @param inputAcks InputAcks received (whole run)
 * @param untimedAcks InputAcks too late to time (older than the input history)
 * @param corrections Corrections received (whole run)
 * @param observations matched observations (whole run)
 * @param errors errors by reason
 * @param disconnects unplanned disconnects by reason
 * @param server the node's own statistics
 * @param timeline one point per second
 * @param steadyCpu node and driver CPU over the steady state
 * @param combat the combat numbers ({@code --combat-per-minute}), or null without combat
 * @param chat chat lines sent, delivered, their delivery latency and refusals (whole run)
 */
public record RunResult(
    Map<String, Object> settings,
    String geometry,
    List<String> notes,
    String startedAt,
    double durationSeconds,
    int botsRequested,
    int peakConnected,
    int peakInWorld,
    double meanInWorldSteady,
    LatencySummary inputAckRtt,
    LatencySummary inputToObserver,
    double snapshotsPerBotPerSecond,
    double bytesInPerBotPerSecond,
    double bytesOutPerBotPerSecond,
    long inputsSent,
    long inputAcks,
    long untimedAcks,
    long corrections,
    long observations,
    Map<String, Long> errors,
    Map<String, Long> disconnects,
    ServerStats server,
    List<TimelinePoint> timeline,
    CpuUse steadyCpu,
    CombatLoad.Summary combat,
    ChatStats chat) {

  /** All errors. */
  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** All unplanned disconnects. */
  public long disconnectCount() {
    return disconnects.values().stream().mapToLong(Long::longValue).sum();
  }

  /** How long the bots played after the ramp-up before the steady state, as the summary says it. */
  String warmupDescription() {
    Object w = settings == null ? null : settings.get("warmupSeconds");
    if (!(w instanceof Number n) || n.intValue() == 0) {
      return "none (the steady state began when every bot was in the world)";
    }
    return n.intValue() + " s after every bot was in the world, not counted";
  }

  /** The console summary. */
  public String summary() {
    return String.format(
        "warm-up: %s%n"
            + "CCU: peak connected %d, peak in world %d of %d (steady mean %.1f)%n"
            + "input -> ack RTT:      %s%n"
            + "input -> observer:     %s%n"
            + "snapshots/s per bot:   %.2f%n"
            + "bytes/s per bot:       in %.0f, out %.0f%n"
            + "inputs %d, acks %d (untimed: older than the input history %d), corrections %d,"
            + " observations %d%n"
            + "errors %d %s, disconnects %d %s%n"
            + "steady-state CPU: %s%n"
            + "chat: %s%n"
            + "server: %s",
        warmupDescription(),
        peakConnected,
        peakInWorld,
        botsRequested,
        meanInWorldSteady,
        inputAckRtt.brief(),
        inputToObserver.brief(),
        snapshotsPerBotPerSecond,
        bytesInPerBotPerSecond,
        bytesOutPerBotPerSecond,
        inputsSent,
        inputAcks,
        untimedAcks,
        corrections,
        observations,
        errorCount(),
        errors,
        disconnectCount(),
        disconnects,
        steadyCpu.describe(),
        chat == null
            ? "off"
            : String.format(
                "sent %d, delivered %d (p50 %.2f, p99 %.2f ms), refused %d, bots in guilds %d%n%s",
                chat.sent(),
                chat.delivered(),
                chat.deliveryP50Ms(),
                chat.deliveryP99Ms(),
                chat.refused(),
                chat.guildMembers(),
                chat.table().stripTrailing()),
        server);
  }
}
