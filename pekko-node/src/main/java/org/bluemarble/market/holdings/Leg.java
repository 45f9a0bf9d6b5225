package org.bluemarble.market.holdings;

import java.util.List;
import java.util.Objects;
import org.bluemarble.market.Ids;
import org.bluemarble.market.Money;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.node.CborSerializable;

/**
 * One side of a money/item move between entities, posted to a player's {@link Holdings}: {@link
 * Direction#OUT} takes {@code copper} and {@code items} from the player (all or nothing), {@link
 * Direction#IN} gives them. The coordinating entity (market, trade, treasury) persists the leg
 * before it posts it and re-posts it until acknowledged; the holdings apply a key at most once, so
 * re-posting is safe. {@code honor} (not tradeable) only ever comes in from the treasury. {@code
 * requireSpace}: an OUT leg is refused with INSUFFICIENT_SPACE unless these stacks would fit (a
 * buyer pays only if the bought items fit). {@code tierCheck} (null if none): the trust-tier limits
 * an OUT leg's operation needs, checked by the holdings against the player's tier.
 */
public record Leg(
    String key,
    String playerId,
    Direction direction,
    long copper,
    long honor,
    List<ItemStack> items,
    List<ItemStack> requireSpace,
    TierCheck tierCheck)
    implements CborSerializable {

  /**
   * Prefix of the treasury's mint legs ({@code mint:<key>}): the holdings void a refused mint
   * instead of leaving it owed, as they do for OUT legs.
   */
  public static final String MINT_PREFIX = "mint:";

  /** Out of or into the player's holdings. */
  public enum Direction {
    OUT,
    IN
  }

  public Leg {
    Ids.require("key", key);
    Ids.require("playerId", playerId);
    Objects.requireNonNull(direction, "direction");
    Money.requireAmount("copper", copper);
    Money.requireAmount("honor", honor);
    items = List.copyOf(items);
    requireSpace = requireSpace == null ? List.of() : List.copyOf(requireSpace);
  }

  /** A leg without a trust-tier check. */
  public Leg(
      String key,
      String playerId,
      Direction direction,
      long copper,
      long honor,
      List<ItemStack> items,
      List<ItemStack> requireSpace) {
    this(key, playerId, direction, copper, honor, items, requireSpace, null);
  }

  /** This leg, checked against the player's trust tier by the holdings before it is applied. */
  public Leg withTierCheck(TierCheck check) {
    return new Leg(key, playerId, direction, copper, honor, items, requireSpace, check);
  }

  public static Leg out(String key, String playerId, long copper, List<ItemStack> items) {
    return new Leg(key, playerId, Direction.OUT, copper, 0, items, List.of());
  }

  public static Leg in(String key, String playerId, long copper, List<ItemStack> items) {
    return new Leg(key, playerId, Direction.IN, copper, 0, items, List.of());
  }

  /** Whether the leg moves nothing (then nobody needs to be asked). */
  public boolean isEmpty() {
    return copper == 0 && honor == 0 && items.isEmpty();
  }

  /** Copper this leg adds to (IN) or removes from (OUT, negative) the player's wallet. */
  public long signedCopper() {
    return direction == Direction.IN ? copper : -copper;
  }
}
