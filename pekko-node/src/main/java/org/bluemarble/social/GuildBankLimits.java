package org.bluemarble.social;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluemarble.config.SettingsException;
import org.bluemarble.market.Money;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.node.CborSerializable;

/**
 * Daily guild-bank withdrawal limits, as pure rules: each rank that may withdraw ({@link
 * GuildRules.Permission#BANK_WITHDRAW}) takes at most so much copper and so many item units out of
 * its guild's bank per UTC day, or is unlimited. A withdrawal counts against the day it started on
 * (the {@code at} of its {@code BankMoveStarted}, so a replay counts the same) as soon as it
 * starts, and is given back only when the bank refused its take (nothing moved).
 *
 * @param copper per withdrawing rank, copper per day ({@link #UNLIMITED}: no limit)
 * @param items per withdrawing rank, item units (summed quantities) per day ({@link #UNLIMITED}: no
 *     limit)
 */
public record GuildBankLimits(Map<GuildRank, Long> copper, Map<GuildRank, Long> items) {

  /** No limit. */
  public static final long UNLIMITED = -1;

  /** The reason a refusal by these limits carries ({@link Guild.Rejected#reason}). */
  public static final String DAILY_LIMIT = "DAILY_LIMIT";

  /**
   * The defaults of reference.conf: officers 100,000 copper and 200 items a day, the leader free.
   */
  public static final GuildBankLimits DEFAULT =
      new GuildBankLimits(
          Map.of(GuildRank.LEADER, UNLIMITED, GuildRank.OFFICER, 100_000L),
          Map.of(GuildRank.LEADER, UNLIMITED, GuildRank.OFFICER, 200L));

  public GuildBankLimits {
    copper = complete(copper, "copper");
    items = complete(items, "items");
  }

  private static Map<GuildRank, Long> complete(Map<GuildRank, Long> limits, String what) {
    Map<GuildRank, Long> m = new EnumMap<>(GuildRank.class);
    for (GuildRank r : GuildRank.values()) {
      boolean withdraws = GuildRules.allows(r, GuildRules.Permission.BANK_WITHDRAW);
      Long limit = limits.get(r);
      if (withdraws && limit == null) {
        throw new IllegalArgumentException("no daily " + what + " limit for " + r);
      }
      if (!withdraws && limit != null) {
        throw new IllegalArgumentException(r + " may not withdraw at all, so has no limit");
      }
      if (limit != null) {
        if (limit < UNLIMITED) {
          throw new IllegalArgumentException("daily " + what + " limit of " + r + " below 0");
        }
        m.put(r, limit);
      }
    }
    return Map.copyOf(m);
  }

  /**
   * What one player withdrew on UTC day {@code day} (days since 1970-01-01), counting the
   * withdrawals under way.
   */
  public record Tally(long day, long copper, long items) implements CborSerializable {
    public static final Tally NONE = new Tally(Long.MIN_VALUE, 0, 0);

    /** This tally as seen on {@code today}: nothing when it is of an earlier day. */
    public Tally on(long today) {
      return day == today ? this : new Tally(today, 0, 0);
    }

    /** This tally on {@code today} with one more withdrawal. */
    public Tally plus(long today, long copper, long items) {
      Tally t = on(today);
      return new Tally(today, t.copper + copper, t.items + items);
    }

    /** This tally without a withdrawal of {@code day} that moved nothing. */
    public Tally minus(long day, long copper, long items) {
      if (day != this.day) {
        return this; // counted on a day already over: nothing to give back
      }
      return new Tally(day, Math.max(0, this.copper - copper), Math.max(0, this.items - items));
    }
  }

  /** The UTC day {@code at} falls on, as days since 1970-01-01. */
  public static long day(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate().toEpochDay();
  }

  /** The item units of a move: its stacks' quantities summed. */
  public static long units(List<ItemStack> items) {
    return items.stream().mapToLong(ItemStack::quantity).sum();
  }

  /**
   * Why a {@code rank} that already withdrew {@code today} may not withdraw {@code copper} and
   * {@code units} more, or null when it may. Only for ranks holding BANK_WITHDRAW.
   */
  public String refusal(GuildRank rank, Tally today, long copper, long units) {
    String c = over("copper", this.copper.get(rank), today.copper(), copper, rank);
    return c != null ? c : over("item units", this.items.get(rank), today.items(), units, rank);
  }

  private static String over(String what, Long limit, long used, long wanted, GuildRank rank) {
    if (limit == null || limit == UNLIMITED || wanted <= limit - used) {
      return null;
    }
    return "daily withdrawal limit: "
        + rank
        + " may withdraw "
        + limit
        + " "
        + what
        + " a day (UTC), "
        + Math.max(0, limit - used)
        + " left today";
  }

  /**
   * Reads {@code bluemarble.social.guild-bank} from the root config ({@link #DEFAULT} without the
   * section).
   */
  public static GuildBankLimits fromConfig(Config root) {
    String p = "bluemarble.social.guild-bank.";
    if (!root.hasPath("bluemarble.social.guild-bank")) {
      return DEFAULT;
    }
    Map<GuildRank, Long> copper = table(root, p + "daily-withdrawal-copper", Money.MAX_AMOUNT);
    Map<GuildRank, Long> items = table(root, p + "daily-withdrawal-items", Integer.MAX_VALUE);
    try {
      return new GuildBankLimits(copper, items);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(p + "daily-withdrawal-*", e.getMessage());
    }
  }

  private static Map<GuildRank, Long> table(Config root, String path, long max) {
    Map<GuildRank, Long> m = new EnumMap<>(GuildRank.class);
    Config table = root.getConfig(path);
    for (var e : table.root().entrySet()) {
      String key = path + "." + e.getKey();
      GuildRank rank;
      try {
        rank = GuildRank.valueOf(e.getKey().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException bad) {
        throw SettingsException.invalid(key, e.getKey(), "a rank: leader, officer");
      }
      Object v = e.getValue().unwrapped();
      long limit;
      if (e.getValue().valueType() == ConfigValueType.STRING && "unlimited".equals(v)) {
        limit = UNLIMITED;
      } else if (e.getValue().valueType() == ConfigValueType.NUMBER
          && v instanceof Number n
          && n.doubleValue() == n.longValue()
          && n.longValue() >= 0
          && n.longValue() <= max) {
        limit = n.longValue();
      } else {
        throw SettingsException.invalid(key, v, "0-" + max + " or \"unlimited\"");
      }
      if (!GuildRules.allows(rank, GuildRules.Permission.BANK_WITHDRAW)) {
        throw SettingsException.invalid(key, v, "no entry: a " + rank + " may not withdraw");
      }
      m.put(rank, limit);
    }
    for (GuildRank r : GuildRank.values()) {
      if (GuildRules.allows(r, GuildRules.Permission.BANK_WITHDRAW) && !m.containsKey(r)) {
        throw SettingsException.missing(path + "." + r.name().toLowerCase(Locale.ROOT));
      }
    }
    return m;
  }
}
