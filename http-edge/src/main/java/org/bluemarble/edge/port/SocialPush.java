package org.bluemarble.edge.port;

import java.util.List;

/**
 * What the world tells one player's connection about its social life through {@link
 * WorldListener#onSocial}: the answer to one of its {@link Presence#social} calls, or an update (a
 * friend's presence, an invitation, its guild or party changed, a notification).
 */
public sealed interface SocialPush
    permits SocialPush.Answer,
        SocialPush.Refused,
        SocialPush.FriendPresence,
        SocialPush.Invited,
        SocialPush.GuildChanged,
        SocialPush.PartyChanged,
        SocialPush.Notice,
        SocialPush.PartyUpdate {

  /** A player's lists; {@code guildTag} and {@code partyId} empty when none. */
  record Lists(
      List<Friend> friends,
      List<String> requests,
      List<String> ignored,
      String guildTag,
      String partyId) {}

  /** A friend; {@code name} is known while it is online. */
  record Friend(String playerId, boolean online, String name) {}

  /** A guild; {@code members} pairs a player id with its rank's name. */
  record Guild(String tag, String name, List<Member> members, List<String> invited, String motd) {}

  /** A guild member and its rank (LEADER, OFFICER, VETERAN, MEMBER, RECRUIT). */
  record Member(String playerId, String rank) {}

  /** A party; {@code members} in joining order, the leader included. */
  record Party(String partyId, String leaderId, List<String> members, List<String> invited) {}

  /**
   * A guild's bank ({@code moveId} empty) or one move in or out of it ({@code settled}: the
   * receiver has it; otherwise it is owed until the receiver's bags have room).
   */
  record Bank(
      String tag, long copper, List<SocialAction.Item> items, String moveId, boolean settled) {}

  /** Action {@code correlationId} was done; the part concerning its verb is non-null. */
  record Answer(
      long correlationId,
      SocialAction.Verb verb,
      Lists lists,
      Guild guild,
      Party party,
      String reportId,
      Bank bank)
      implements SocialPush {
    /** An answer without a bank part. */
    public Answer(
        long correlationId,
        SocialAction.Verb verb,
        Lists lists,
        Guild guild,
        Party party,
        String reportId) {
      this(correlationId, verb, lists, guild, party, reportId, null);
    }
  }

  /** Action {@code correlationId} was refused; nothing changed. */
  record Refused(long correlationId, Reason reason, String message) implements SocialPush {}

  /** Why an action was refused. */
  enum Reason {
    /** An argument is missing or malformed. */
    INVALID,
    /** A rule refused it (no such request, full, not a member...). */
    REFUSED,
    /** The rank or role lacks the permission. */
    NOT_PERMITTED,
    /** A daily limit (the guild bank's withdrawals per rank and UTC day) is used up. */
    DAILY_LIMIT
  }

  /** A friend entered ({@code online}) or left the world. */
  record FriendPresence(String playerId, String name, boolean online) implements SocialPush {}

  /** An invitation: a friend request, a guild's ({@code id} = tag) or a party's. */
  record Invited(Kind kind, String id, String fromPlayerId, String fromName) implements SocialPush {
    /** What the invitation is into. */
    public enum Kind {
      FRIEND,
      GUILD,
      PARTY
    }
  }

  /** The player's guild changed; null {@code guild}: no longer in one. */
  record GuildChanged(Guild guild) implements SocialPush {}

  /** The player's party changed; null {@code party}: no longer in one. */
  record PartyChanged(Party party) implements SocialPush {}

  /**
   * A notification for the player.
   *
   * @param kind LISTING_SOLD, OUTBID, TRADE_OFFERED or ORDER_FILLED
   * @param subjectId the listing, auction, order or trade
   * @param delayed kept while the player was offline
   */
  record Notice(
      String id, String kind, String text, String subjectId, long atMillis, boolean delayed)
      implements SocialPush {}

  /**
   * Where some of the player's party mates are (about once a second; those one node holds). Lossy
   * on UDP: a newer update supersedes a lost one.
   */
  record PartyUpdate(String partyId, List<MateState> mates) implements SocialPush {
    public PartyUpdate {
      mates = List.copyOf(mates);
    }
  }

  /**
   * One party mate: position in degrees and metres, health and its maximum (both 0 when not known),
   * when its node took the position (epoch milliseconds).
   */
  record MateState(
      String playerId,
      String name,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      int health,
      int maxHealth,
      long atMillis) {}
}
