package org.bluemarble.combat;

/**
 * How damage is mitigated: physical by the whole defense, magical by half of it (the rest is the
 * target's magic), elemental by a quarter, true damage not at all.
 */
public enum DamageType {
  PHYSICAL,
  MAGICAL,
  ELEMENTAL,
  TRUE
}
