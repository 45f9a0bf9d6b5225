package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;

/**
 * Zone cell entity ids: the S2 token of a cell at the zone level (what {@link ZoneCell} uses as its
 * sharding key), or its decimal id, which is accepted on input.
 */
public final class CellIds {
  private CellIds() {}

  /** The entity id of {@code cell}. */
  public static String entityId(S2CellId cell) {
    return cell.toToken();
  }

  /**
   * The cell named by {@code entityId} (a token such as {@code "47a1c"} or a decimal id).
   *
   * @throws IllegalArgumentException if it is neither, or not a valid cell at {@code zoneLevel}
   */
  public static S2CellId parse(String entityId, int zoneLevel) {
    if (entityId == null || entityId.isBlank()) {
      throw new IllegalArgumentException("cell id must be an S2 token or decimal id, was blank");
    }
    S2CellId cell;
    if (entityId.chars().allMatch(Character::isDigit) && entityId.length() > 16) {
      try {
        cell = new S2CellId(Long.parseUnsignedLong(entityId));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("cell id " + entityId + " is not a 64-bit number", e);
      }
    } else {
      cell = S2CellId.fromToken(entityId);
    }
    if (!cell.isValid() || cell.level() != zoneLevel) {
      throw new IllegalArgumentException(
          "cell id " + entityId + " must be a valid S2 cell at zone level " + zoneLevel);
    }
    return cell;
  }
}
