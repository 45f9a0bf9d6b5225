package org.bluemarble.edge.port;

import java.util.List;

/**
 * One social action of a player in the world ({@link Presence#social}): friends, ignore list,
 * guild, party or a report. Which arguments matter depends on {@code verb}; the world checks them.
 *
 * @param playerId the other player, for verbs that name one
 * @param guildTag GUILD_CREATE and GUILD_ACCEPT
 * @param text GUILD_CREATE (the name), GUILD_MOTD (the message), REPORT (the reason)
 * @param partyId PARTY_ACCEPT
 * @param copper GUILD_BANK_DEPOSIT and GUILD_BANK_WITHDRAW: copper to move
 * @param items GUILD_BANK_DEPOSIT and GUILD_BANK_WITHDRAW: items to move
 * @param moveId GUILD_BANK_DEPOSIT and GUILD_BANK_WITHDRAW: optional, a retry's move id
 */
public record SocialAction(
    Verb verb,
    String playerId,
    String guildTag,
    String text,
    String partyId,
    long copper,
    List<Item> items,
    String moveId) {

  public SocialAction {
    playerId = playerId == null ? "" : playerId.strip();
    guildTag = guildTag == null ? "" : guildTag.strip();
    text = text == null ? "" : text;
    partyId = partyId == null ? "" : partyId.strip();
    items = items == null ? List.of() : List.copyOf(items);
    moveId = moveId == null ? "" : moveId.strip();
  }

  /** An action that moves nothing (every verb but the bank's). */
  public SocialAction(Verb verb, String playerId, String guildTag, String text, String partyId) {
    this(verb, playerId, guildTag, text, partyId, 0, List.of(), "");
  }

  /** Some units of one item. */
  public record Item(String itemId, int quantity) {}

  /** The argument the verb needs and lacks ({@code playerId}, {@code guildTag}...), or null. */
  public String missingArgument() {
    return switch (verb) {
      case FRIEND_REQUEST,
          FRIEND_ACCEPT,
          FRIEND_REMOVE,
          IGNORE,
          UNIGNORE,
          GUILD_INVITE,
          GUILD_PROMOTE,
          GUILD_DEMOTE,
          GUILD_KICK,
          PARTY_INVITE,
          PARTY_KICK,
          PARTY_LEADER,
          REPORT ->
          playerId.isBlank() ? "playerId" : null;
      case GUILD_CREATE ->
          guildTag.isBlank() ? "guildTag" : text.isBlank() ? "text (the guild's name)" : null;
      case GUILD_ACCEPT -> guildTag.isBlank() ? "guildTag" : null;
      case PARTY_ACCEPT -> partyId.isBlank() ? "partyId" : null;
      case GUILD_BANK_DEPOSIT, GUILD_BANK_WITHDRAW ->
          copper < 0
                  || (copper == 0 && items.isEmpty())
                  || items.stream()
                      .anyMatch(i -> i == null || i.itemId() == null || i.quantity() < 1)
              ? "copper or items (quantity at least 1)"
              : null;
      default -> null;
    };
  }

  /** What the action does (the wire's {@code SocialVerb}). */
  public enum Verb {
    FRIEND_REQUEST,
    FRIEND_ACCEPT,
    FRIEND_REMOVE,
    IGNORE,
    UNIGNORE,
    LIST,
    GUILD_CREATE,
    GUILD_INVITE,
    GUILD_ACCEPT,
    GUILD_PROMOTE,
    GUILD_DEMOTE,
    GUILD_KICK,
    GUILD_LEAVE,
    GUILD_MOTD,
    GUILD_INFO,
    PARTY_INVITE,
    PARTY_ACCEPT,
    PARTY_LEAVE,
    PARTY_KICK,
    PARTY_LEADER,
    PARTY_INFO,
    REPORT,
    GUILD_BANK_DEPOSIT,
    GUILD_BANK_WITHDRAW,
    GUILD_BANK_INFO
  }
}
