package org.bluemarble.social;

import java.util.List;
import java.util.Objects;
import org.bluemarble.market.Money;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.node.CborSerializable;

/**
 * The guild bank's rules, as plain Java. A guild owns one economy holdings account ({@link
 * #account}); a member's deposit or an officer's withdrawal is a {@link Move} between the member's
 * holdings and the guild's, carried out as two idempotent legs: first the OUT leg from the side
 * that gives ({@link Phase#TAKING}), once it is applied the IN leg to the side that receives
 * ({@link Phase#GIVING}). The guild persists the move before it posts a leg and re-posts the leg of
 * the current phase until the holdings answer, so a crash at any point neither creates nor loses
 * anything: a refused take ends the move with nothing moved; a refused give (no room in the
 * receiver's bags) stays owed and is re-posted until there is room.
 */
public final class GuildBank {
  private GuildBank() {}

  /** Moves a guild may have under way at once; more are refused until some end. */
  public static final int MAX_UNDER_WAY = 100;

  /** Distinct item stacks one move may carry. */
  public static final int MAX_STACKS = 10;

  /** The holdings account (entity id of {@code Holdings}) a guild's bank lives in. */
  public static String account(String tag) {
    return "guild:" + tag;
  }

  /** Which way the money and items go. */
  public enum Kind {
    /** From the member to the guild (permission BANK_DEPOSIT). */
    DEPOSIT,
    /** From the guild to the member (permission BANK_WITHDRAW). */
    WITHDRAW
  }

  /** How far a move got: waiting for the take leg, or for the give leg. */
  public enum Phase {
    TAKING,
    GIVING
  }

  /**
   * One move under way, as persisted in the guild's journal; {@code day}: the UTC day it started on
   * (days since 1970-01-01; 0 in snapshots from before the daily limits).
   */
  public record Move(
      String moveId,
      String playerId,
      Kind kind,
      long copper,
      List<ItemStack> items,
      Phase phase,
      long day)
      implements CborSerializable {
    public Move {
      items = items == null ? List.of() : List.copyOf(items);
    }

    /** The holdings that give: the member's for a deposit, the guild's for a withdrawal. */
    public String source(String tag) {
      return kind == Kind.DEPOSIT ? playerId : account(tag);
    }

    /** The holdings that receive. */
    public String target(String tag) {
      return kind == Kind.DEPOSIT ? account(tag) : playerId;
    }

    /** This move in the next phase. */
    public Move given() {
      return new Move(moveId, playerId, kind, copper, items, Phase.GIVING, day);
    }

    /** The leg this move's current phase posts (its key names the guild, the move and phase). */
    public Leg leg(String tag) {
      String key = keyPrefix(tag, moveId) + (phase == Phase.TAKING ? "take" : "give");
      return phase == Phase.TAKING
          ? Leg.out(key, source(tag), copper, items)
          : Leg.in(key, target(tag), copper, items);
    }
  }

  /** The start of every leg key of move {@code moveId} of guild {@code tag}. */
  public static String keyPrefix(String tag, String moveId) {
    return "guildbank:" + tag + ":" + moveId + ":";
  }

  /** The move id and phase a leg key names, or null when the key is not this guild's. */
  public static KeyRef parseKey(String tag, String key) {
    String prefix = "guildbank:" + tag + ":";
    if (key == null || !key.startsWith(prefix)) {
      return null;
    }
    String rest = key.substring(prefix.length());
    int colon = rest.lastIndexOf(':');
    if (colon <= 0) {
      return null;
    }
    String phase = rest.substring(colon + 1);
    Phase p =
        switch (phase) {
          case "take" -> Phase.TAKING;
          case "give" -> Phase.GIVING;
          default -> null;
        };
    return p == null ? null : new KeyRef(rest.substring(0, colon), p);
  }

  /** A leg key read back: which move, which phase. */
  public record KeyRef(String moveId, Phase phase) {}

  /** Why {@code copper} and {@code items} cannot be moved, or null when they can. */
  public static String amountProblem(long copper, List<ItemStack> items) {
    if (copper < 0 || copper > Money.MAX_AMOUNT) {
      return "copper must be 0.." + Money.MAX_AMOUNT;
    }
    if (items == null) {
      return "items must be given (may be empty)";
    }
    if (items.size() > MAX_STACKS) {
      return "at most " + MAX_STACKS + " item stacks per move";
    }
    if (copper == 0 && items.isEmpty()) {
      return "nothing to move";
    }
    for (ItemStack s : items) {
      if (Objects.requireNonNull(s).itemId().isBlank()) {
        return "item ids must not be blank";
      }
    }
    return null;
  }
}
