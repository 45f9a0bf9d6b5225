package org.bluemarble.chat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.bluemarble.node.CborSerializable;
import org.bluemarble.social.Guild;
import org.bluemarble.social.Party;

/**
 * Something social for a player wherever its presence runs: carried by {@link ChatHub.ToPlayers}
 * over the chat topic, handed by the recipient's node hub to its presence, which turns it into a
 * {@link org.bluemarble.edge.port.SocialPush} (unless the player ignores the sender).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "t")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SocialNote.FriendSeen.class, name = "seen"),
  @JsonSubTypes.Type(value = SocialNote.Invite.class, name = "invite"),
  @JsonSubTypes.Type(value = SocialNote.GuildNews.class, name = "guild"),
  @JsonSubTypes.Type(value = SocialNote.PartyNews.class, name = "party"),
  @JsonSubTypes.Type(value = SocialNote.Notice.class, name = "notice")
})
public sealed interface SocialNote extends CborSerializable {

  /** The player the note comes from (empty for the system); hidden when ignored. */
  String fromPlayerId();

  /**
   * {@code playerId} ({@code name}) entered or left the world; {@code answer}: recipients who are
   * online answer with their own (so the newcomer learns which friends are online).
   */
  record FriendSeen(String fromPlayerId, String name, boolean online, boolean answer)
      implements SocialNote {}

  /** An invitation of {@code kind} FRIEND, GUILD (id = tag) or PARTY (id = party id). */
  record Invite(String kind, String id, String fromPlayerId, String fromName)
      implements SocialNote {}

  /** Guild {@code tag} changed; a recipient not among its members has left it. */
  record GuildNews(String fromPlayerId, String tag, Guild.Summary guild) implements SocialNote {}

  /** Party {@code partyId} changed; a recipient not among its members has left it. */
  record PartyNews(String fromPlayerId, String partyId, Party.Summary party)
      implements SocialNote {}

  /** A notification (economy outcomes). */
  record Notice(
      String id,
      String kind,
      String text,
      String subjectId,
      long atMillis,
      boolean delayed,
      String fromPlayerId)
      implements SocialNote {
    /** The same notice, marked as kept while the player was away. */
    public Notice asDelayed() {
      return new Notice(id, kind, text, subjectId, atMillis, true, fromPlayerId);
    }
  }
}
