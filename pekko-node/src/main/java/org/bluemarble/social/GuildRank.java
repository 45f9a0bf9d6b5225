package org.bluemarble.social;

/** Ranks of a guild, most powerful first (the companion facts' five). */
public enum GuildRank {
  LEADER,
  OFFICER,
  VETERAN,
  MEMBER,
  RECRUIT;

  /** Whether this rank stands above {@code other}. */
  public boolean above(GuildRank other) {
    return ordinal() < other.ordinal();
  }
}
