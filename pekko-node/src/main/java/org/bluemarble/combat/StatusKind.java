package org.bluemarble.combat;

/**
 * The status effects and what their magnitude means: {@link #DOT} damage per second, {@link #SLOW}
 * percent of speed taken away (1-90), {@link #STUN} nothing (the target cannot act or move), {@link
 * #SHIELD} points of damage absorbed.
 */
public enum StatusKind {
  DOT,
  SLOW,
  STUN,
  SHIELD
}
