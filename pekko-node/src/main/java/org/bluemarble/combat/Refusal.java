package org.bluemarble.combat;

/**
 * Why an ability or a harvest was refused; {@link #wireCode} is the {@code Error.Code} number sent
 * to the client (the combat range 20-29 of {@code error.proto}).
 */
public enum Refusal {
  /** The target does not exist, is dead or is not a valid kind of target. */
  INVALID_TARGET(20),
  OUT_OF_RANGE(21),
  NO_LINE_OF_SIGHT(22),
  /** A safe zone (or an unflagged player in a flagged zone) protects the target. */
  PROTECTED_ZONE(23),
  ON_COOLDOWN(24),
  NOT_ENOUGH_RESOURCE(25),
  /** Not an ability of the user's class. */
  UNKNOWN_ABILITY(26),
  /** The user is dead, stunned or still casting. */
  INCAPACITATED(27),
  /** Nothing to harvest there, or gathering faster than allowed. */
  NOTHING_TO_HARVEST(28),
  /** The bag has no room for the loot or the yield. */
  INVENTORY_FULL(29);

  private final int wireCode;

  Refusal(int wireCode) {
    this.wireCode = wireCode;
  }

  public int wireCode() {
    return wireCode;
  }
}
