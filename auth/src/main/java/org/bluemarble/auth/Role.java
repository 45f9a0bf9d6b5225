package org.bluemarble.auth;

/**
 * What an account may do. Carried as the {@code roles} claim of access tokens and in sessions;
 * every route declares the roles it needs.
 */
public enum Role {
  /** Plays the game; every account has it. */
  PLAYER,
  /** Handles players: kicks, bans, reads the audit log. */
  MODERATOR,
  /** Runs the cluster: grants roles, maintenance mode, announcements. */
  ADMIN,
  /** Reads diagnostics (cluster members, shard distribution) without moderating anyone. */
  DEVELOPER;

  /**
   * Rank for moderation: a caller may ban, kick or change the roles of an account only when the
   * account's highest rank is not above the caller's (Player 0, Moderator 1, Developer 2, Admin 3).
   */
  public int rank() {
    return switch (this) {
      case PLAYER -> 0;
      case MODERATOR -> 1;
      case DEVELOPER -> 2;
      case ADMIN -> 3;
    };
  }

  /** The highest {@link #rank()} among {@code roles}; 0 for none. */
  public static int highestRank(java.util.Collection<Role> roles) {
    return roles.stream().mapToInt(Role::rank).max().orElse(0);
  }

  /** The claim value, e.g. {@code "Player"}; the issue names roles in this form. */
  public String claimValue() {
    String lower = name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /**
   * Parses a claim value written by {@link #claimValue()}.
   *
   * @throws IllegalArgumentException naming the value and the allowed ones when it is not a role
   */
  public static Role fromClaim(String value) {
    for (Role role : values()) {
      if (role.claimValue().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "role '" + value + "' is not one of Player, Moderator, Admin, Developer");
  }
}
