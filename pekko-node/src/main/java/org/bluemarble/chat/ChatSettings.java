package org.bluemarble.chat;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.List;
import org.bluemarble.config.SettingsException;

/**
 * {@code bluemarble.chat}, read once and validated (see reference.conf for each key).
 *
 * @param maxLength characters a line may have after trimming
 * @param ratePerSecond lines per second a player may send (the architecture's 10)
 * @param burst lines a player may send at once before the rate applies
 * @param sayRadiusMeters who hears a Say, along the surface
 * @param yellRadiusMeters who hears a Yell, along the surface
 * @param tradeRegionLevel S2 level of the trade regions
 * @param historySize lines kept per channel for players who join
 * @param whisperTimeout how long a whisper waits for its recipient's node before "offline"
 * @param blockedWords the word filter's list
 * @param degradedQueue lines a node holds back while chat is degraded; beyond it senders are told
 *     to retry
 * @param degradedDrain lines per second a degraded node lets through from its queue
 * @param groupHistorySize lines of each guild's and party's chat kept in the journal
 * @param groupHistoryRetention how long those lines are replayed to members who enter or join
 * @param partyUpdateInterval how often each node tells party members where their mates are
 * @param groupJournalKeep lines of each guild's and party's chat the journal keeps at least; older
 *     ones are deleted once snapshotted (0: the journal keeps every line)
 */
public record ChatSettings(
    int maxLength,
    double ratePerSecond,
    int burst,
    double sayRadiusMeters,
    double yellRadiusMeters,
    int tradeRegionLevel,
    int historySize,
    Duration whisperTimeout,
    List<String> blockedWords,
    int degradedQueue,
    int degradedDrain,
    int groupHistorySize,
    Duration groupHistoryRetention,
    Duration partyUpdateInterval,
    int groupJournalKeep) {

  /** Settings without the group history's (its defaults: 100 lines, 7 days). */
  public ChatSettings(
      int maxLength,
      double ratePerSecond,
      int burst,
      double sayRadiusMeters,
      double yellRadiusMeters,
      int tradeRegionLevel,
      int historySize,
      Duration whisperTimeout,
      List<String> blockedWords,
      int degradedQueue,
      int degradedDrain) {
    this(
        maxLength,
        ratePerSecond,
        burst,
        sayRadiusMeters,
        yellRadiusMeters,
        tradeRegionLevel,
        historySize,
        whisperTimeout,
        blockedWords,
        degradedQueue,
        degradedDrain,
        100,
        Duration.ofDays(7),
        Duration.ofSeconds(1),
        0);
  }

  /** Defaults for tests and nodes without the section. */
  public static final ChatSettings DEFAULT =
      new ChatSettings(256, 10, 10, 30, 150, 4, 50, Duration.ofSeconds(3), List.of(), 10_000, 50);

  /** Reads {@code bluemarble.chat} from the root config. */
  public static ChatSettings fromConfig(Config root) {
    String p = "bluemarble.chat.";
    if (!root.hasPath("bluemarble.chat")) {
      return DEFAULT;
    }
    int maxLength = root.getInt(p + "max-length");
    if (maxLength < 1 || maxLength > 4096) {
      throw SettingsException.invalid(p + "max-length", maxLength, "1-4096");
    }
    double rate = root.getDouble(p + "rate-per-second");
    if (!(rate > 0 && rate <= 1000)) {
      throw SettingsException.invalid(p + "rate-per-second", rate, "(0, 1000]");
    }
    int burst = root.getInt(p + "burst");
    if (burst < 1 || burst > 1000) {
      throw SettingsException.invalid(p + "burst", burst, "1-1000");
    }
    double say = root.getDouble(p + "say-radius");
    double yell = root.getDouble(p + "yell-radius");
    if (!(say > 0 && say <= 100_000)) {
      throw SettingsException.invalid(p + "say-radius", say, "(0, 100000] metres");
    }
    if (!(yell >= say && yell <= 100_000)) {
      throw SettingsException.invalid(p + "yell-radius", yell, "[say-radius, 100000] metres");
    }
    int region = root.getInt(p + "trade-region-level");
    if (region < 0 || region > 10) {
      throw SettingsException.invalid(p + "trade-region-level", region, "0-10");
    }
    int history = root.getInt(p + "history-size");
    if (history < 0 || history > 1000) {
      throw SettingsException.invalid(p + "history-size", history, "0-1000");
    }
    Duration whisper = root.getDuration(p + "whisper-timeout");
    if (whisper.isNegative() || whisper.isZero() || whisper.compareTo(Duration.ofMinutes(1)) > 0) {
      throw SettingsException.invalid(p + "whisper-timeout", whisper, "(0s, 1min]");
    }
    int queue = root.getInt(p + "degraded.queue");
    if (queue < 1 || queue > 1_000_000) {
      throw SettingsException.invalid(p + "degraded.queue", queue, "1-1000000");
    }
    int drain = root.getInt(p + "degraded.drain-per-second");
    if (drain < 1 || drain > 100_000) {
      throw SettingsException.invalid(p + "degraded.drain-per-second", drain, "1-100000");
    }
    int groupSize = root.getInt(p + "group-history.size");
    if (groupSize < 0 || groupSize > 10_000) {
      throw SettingsException.invalid(p + "group-history.size", groupSize, "0-10000");
    }
    Duration groupRetention = root.getDuration(p + "group-history.retention");
    if (groupRetention.isNegative() || groupRetention.compareTo(Duration.ofDays(365)) > 0) {
      throw SettingsException.invalid(p + "group-history.retention", groupRetention, "[0s, 365d]");
    }
    Duration partyInterval = root.getDuration(p + "party-update-interval");
    if (partyInterval.compareTo(Duration.ofMillis(100)) < 0
        || partyInterval.compareTo(Duration.ofMinutes(1)) > 0) {
      throw SettingsException.invalid(p + "party-update-interval", partyInterval, "[100ms, 1min]");
    }
    int journalKeep = root.getInt(p + "group-history.journal-keep");
    if (journalKeep != 0 && (journalKeep < Math.max(1, groupSize) || journalKeep > 10_000_000)) {
      throw SettingsException.invalid(
          p + "group-history.journal-keep", journalKeep, "0, or group-history.size-10000000");
    }
    return new ChatSettings(
        maxLength,
        rate,
        burst,
        say,
        yell,
        region,
        history,
        whisper,
        List.copyOf(root.getStringList(p + "blocked-words")),
        queue,
        drain,
        groupSize,
        groupRetention,
        partyInterval,
        journalKeep);
  }
}
