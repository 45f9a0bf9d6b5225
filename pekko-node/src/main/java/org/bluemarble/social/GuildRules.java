package org.bluemarble.social;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may do what in a guild, as pure rules: each rank's permissions, the tag's shape, the member
 * limit, and the checks every guild command passes before anything is persisted. Acting on another
 * member (kick, promote, demote) also needs a rank above the target's; a promotion never reaches
 * the promoter's own rank (but the leader may hand over leadership, becoming an officer). The bank:
 * members, veterans, officers and the leader deposit; officers and the leader withdraw; recruits do
 * neither.
 */
public final class GuildRules {
  private GuildRules() {}

  /** The tag's shape: 2 to 10 capital letters or digits. */
  public static final Pattern TAG = Pattern.compile("^[A-Z0-9]{2,10}$");

  /** Members a guild may have. */
  public static final int MAX_MEMBERS = 50;

  /** The longest message of the day, in characters. */
  public static final int MAX_MOTD = 500;

  /** What a member may do. */
  public enum Permission {
    INVITE,
    KICK,
    PROMOTE,
    DEMOTE,
    SET_MOTD,
    GUILD_CHAT,
    /** Put money and items into the guild bank. */
    BANK_DEPOSIT,
    /** Take money and items out of the guild bank. */
    BANK_WITHDRAW
  }

  private static final Map<GuildRank, Set<Permission>> GRANTED =
      Map.of(
          GuildRank.LEADER, EnumSet.allOf(Permission.class),
          GuildRank.OFFICER,
              EnumSet.of(
                  Permission.INVITE,
                  Permission.KICK,
                  Permission.PROMOTE,
                  Permission.DEMOTE,
                  Permission.SET_MOTD,
                  Permission.GUILD_CHAT,
                  Permission.BANK_DEPOSIT,
                  Permission.BANK_WITHDRAW),
          GuildRank.VETERAN,
              EnumSet.of(Permission.INVITE, Permission.GUILD_CHAT, Permission.BANK_DEPOSIT),
          GuildRank.MEMBER, EnumSet.of(Permission.GUILD_CHAT, Permission.BANK_DEPOSIT),
          GuildRank.RECRUIT, EnumSet.of(Permission.GUILD_CHAT));

  /** Whether {@code rank} holds {@code permission}. */
  public static boolean allows(GuildRank rank, Permission permission) {
    return GRANTED.get(rank).contains(permission);
  }

  /** Why {@code tag} is not a valid tag, if it is not. */
  public static Optional<String> tagProblem(String tag) {
    return tag != null && TAG.matcher(tag).matches()
        ? Optional.empty()
        : Optional.of("tag must match ^[A-Z0-9]{2,10}$, was '" + tag + "'");
  }

  /**
   * Why {@code actor} (rank, or null when not a member) may not act on {@code target} (rank, or
   * null) with {@code permission}; empty when allowed.
   */
  public static Optional<String> refusal(GuildRank actor, Permission permission, GuildRank target) {
    if (actor == null) {
      return Optional.of("not a member of the guild");
    }
    if (!allows(actor, permission)) {
      return Optional.of(actor + " may not " + permission);
    }
    boolean onMember =
        permission == Permission.KICK
            || permission == Permission.PROMOTE
            || permission == Permission.DEMOTE;
    if (onMember) {
      if (target == null) {
        return Optional.of("the target is not a member of the guild");
      }
      if (!actor.above(target)) {
        return Optional.of(actor + " may not " + permission + " a " + target);
      }
    }
    return Optional.empty();
  }

  /** The rank a promotion gives {@code target}; LEADER only when the leader hands over. */
  public static Optional<GuildRank> promoted(GuildRank actor, GuildRank target) {
    GuildRank next = GuildRank.values()[target.ordinal() - 1];
    if (next == GuildRank.LEADER && actor == GuildRank.LEADER) {
      return Optional.of(next);
    }
    return actor.above(next) ? Optional.of(next) : Optional.empty();
  }

  /** The rank a demotion gives {@code target}, none below RECRUIT. */
  public static Optional<GuildRank> demoted(GuildRank target) {
    return target == GuildRank.RECRUIT
        ? Optional.empty()
        : Optional.of(GuildRank.values()[target.ordinal() + 1]);
  }
}
