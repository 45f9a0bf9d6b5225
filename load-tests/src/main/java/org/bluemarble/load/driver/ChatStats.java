package org.bluemarble.load.driver;

import java.util.Map;

/**
 * The run's chat traffic (with {@code --chat-per-minute}): lines the bots sent (Say, Whisper to a
 * paired bot, Guild within the bots' guilds), lines other bots received (one per recipient), the
 * send → receive latency of those deliveries (all bots share the driver's clock), and sends the
 * server refused (rate, mute, recipient offline, degraded...); {@code guildMembers}: bots that were
 * in a guild (founders included); {@code channels}: the same numbers per channel (SAY, WHISPER,
 * GUILD).
 */
public record ChatStats(
    long sent,
    long delivered,
    double deliveryP50Ms,
    double deliveryP99Ms,
    long refused,
    int guildMembers,
    Map<String, ChannelStats> channels) {

  public ChatStats {
    channels = channels == null ? Map.of() : Map.copyOf(channels);
  }

  /** Totals without per-channel numbers. */
  public ChatStats(
      long sent, long delivered, double deliveryP50Ms, double deliveryP99Ms, long refused) {
    this(sent, delivered, deliveryP50Ms, deliveryP99Ms, refused, 0, Map.of());
  }

  /** One channel's lines sent, deliveries and delivery latency. */
  public record ChannelStats(
      long sent, long delivered, double deliveryP50Ms, double deliveryP99Ms) {}

  /** The per-channel numbers as a text table (one line per channel, SAY, WHISPER, GUILD first). */
  public String table() {
    StringBuilder b =
        new StringBuilder(
            String.format(
                "%-8s %8s %10s %9s %9s%n", "channel", "sent", "delivered", "p50 ms", "p99 ms"));
    for (String ch : new String[] {"SAY", "WHISPER", "GUILD"}) {
      ChannelStats c = channels.get(ch);
      if (c != null) {
        b.append(
            String.format(
                "%-8s %8d %10d %9.2f %9.2f%n",
                ch, c.sent(), c.delivered(), c.deliveryP50Ms(), c.deliveryP99Ms()));
      }
    }
    b.append(
        String.format(
            "%-8s %8d %10d %9.2f %9.2f%n", "all", sent, delivered, deliveryP50Ms, deliveryP99Ms));
    return b.toString();
  }
}
