package org.bluemarble.combat;

/**
 * The PvP rule of a region: no player may hurt another in a {@link #SAFE} zone, in a {@link
 * #FLAGGED} zone only players who flagged themselves for PvP fight each other, in an {@link #OPEN}
 * zone everyone may.
 */
public enum PvpZone {
  SAFE,
  FLAGGED,
  OPEN;

  /**
   * Whether a hostile ability of a player in {@code attackerZone} may hit a target in {@code
   * targetZone}. Creatures ({@code targetIsPlayer == false}) may be fought anywhere, in a safe zone
   * too (a safe zone protects players: from each other, and from creatures starting a fight);
   * helpful abilities are always allowed and never asked about.
   */
  public static boolean mayAttack(
      PvpZone attackerZone,
      PvpZone targetZone,
      boolean targetIsPlayer,
      boolean attackerFlagged,
      boolean targetFlagged) {
    if (!targetIsPlayer) {
      return true;
    }
    if (targetZone == SAFE) {
      return false;
    }
    if (attackerZone == SAFE) {
      return false;
    }
    if (attackerZone == OPEN && targetZone == OPEN) {
      return true;
    }
    return attackerFlagged && targetFlagged;
  }
}
