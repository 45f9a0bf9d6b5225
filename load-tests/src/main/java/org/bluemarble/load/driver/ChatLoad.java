package org.bluemarble.load.driver;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.bluemarble.load.metrics.LatencyMetric;
import org.bluemarble.load.metrics.LatencySummary;
import org.bluemarble.protocol.v1.ChatChannel;

/**
 * The chat half of a run ({@code --chat-per-minute R}): each bot sends R lines a minute on average,
 * a third each on Say, Whisper (an odd bot to its even partner; Say for even bots) and Guild (once
 * the bot is in its guild; Say before). Bots share guilds of {@link #GUILD_SIZE}: the first bot of
 * each group founds it (a tag unique to the run) and invites the others, who accept. Counted per
 * channel: lines sent, deliveries (one per receiving bot) and the send → receive latency (all bots
 * share the driver's clock).
 */
public final class ChatLoad {
  /** Bots per guild (the first one founds it). */
  static final int GUILD_SIZE = 10;

  /** The channels the bots speak on, in the order the table prints them. */
  static final List<ChatChannel> CHANNELS =
      List.of(
          ChatChannel.CHAT_CHANNEL_SAY,
          ChatChannel.CHAT_CHANNEL_WHISPER,
          ChatChannel.CHAT_CHANNEL_GUILD);

  private final double perMinute;
  private final String tagStem;
  private final List<String> playerIds;
  private final Map<ChatChannel, Channel> channels = new EnumMap<>(ChatChannel.class);
  final AtomicInteger guildMembers = new AtomicInteger();

  /** What one channel counted. */
  static final class Channel {
    final LongAdder sent = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LatencyMetric delivery = new LatencyMetric();
  }

  /**
   * Chat at {@code perMinute} lines per bot per minute (0: off); {@code playerIds}: each bot's
   * player, by bot index (the founders invite their group).
   */
  public ChatLoad(double perMinute, List<String> playerIds) {
    if (!(perMinute >= 0 && perMinute <= 600)) {
      throw new IllegalArgumentException("--chat-per-minute must be in 0..600, was " + perMinute);
    }
    this.perMinute = perMinute;
    this.playerIds = List.copyOf(playerIds);
    String stem = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
    this.tagStem = "L" + stem.substring(0, 4).toUpperCase(Locale.ROOT);
    for (ChatChannel c : CHANNELS) {
      channels.put(c, new Channel());
    }
  }

  /** Chat off. */
  static ChatLoad off() {
    return new ChatLoad(0, List.of());
  }

  double perMinute() {
    return perMinute;
  }

  /** The tag of bot {@code index}'s guild: ^[A-Z0-9]{2,10}$ for up to 100,000 guilds. */
  String guildTag(int index) {
    return tagStem + (index / GUILD_SIZE);
  }

  /** Whether bot {@code index} founds its group's guild. */
  static boolean founds(int index) {
    return index % GUILD_SIZE == 0;
  }

  /** The players a founder {@code index} invites: the rest of its group. */
  List<String> invitees(int index) {
    int end = Math.min(playerIds.size(), index + GUILD_SIZE);
    return index + 1 >= end ? List.of() : playerIds.subList(index + 1, end);
  }

  /** A line went out on {@code channel}. */
  void sent(ChatChannel channel) {
    Channel c = channels.get(channel);
    if (c != null) {
      c.sent.increment();
    }
  }

  /** A line of another bot arrived on {@code channel} {@code nanos} after it was sent. */
  void delivered(ChatChannel channel, long nanos) {
    Channel c = channels.get(channel);
    if (c != null) {
      c.delivered.increment();
      c.delivery.recordNanos(nanos);
    }
  }

  /** The {@code channels} object of summary.json's {@code chat}: per channel name, its numbers. */
  Map<String, ChatStats.ChannelStats> summary() {
    Map<String, ChatStats.ChannelStats> m = new LinkedHashMap<>();
    for (ChatChannel ch : CHANNELS) {
      Channel c = channels.get(ch);
      c.delivery.sample(true);
      LatencySummary d = c.delivery.total();
      m.put(
          ch.name().substring("CHAT_CHANNEL_".length()),
          new ChatStats.ChannelStats(c.sent.sum(), c.delivered.sum(), d.p50Ms(), d.p99Ms()));
    }
    return m;
  }
}
