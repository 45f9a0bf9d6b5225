package org.bluemarble.chat;

import org.bluemarble.edge.port.ChatPush;

/** What a player's presence gets from its node's {@link ChatHub} (on the same node only). */
public sealed interface ChatInbox
    permits ChatInbox.Deliver,
        ChatInbox.Answer,
        ChatInbox.Ignoring,
        ChatInbox.Social,
        ChatInbox.Mates {

  /** A line for the player (the presence drops it when the player ignores the speaker). */
  record Deliver(ChatEntry entry) implements ChatInbox {}

  /** The answer to one of the player's own lines. */
  record Answer(ChatPush push) implements ChatInbox {}

  /** The player's ignore list as its {@code SocialList} holds it (loaded on entering). */
  record Ignoring(java.util.Set<String> playerIds) implements ChatInbox {}

  /** Something social for the player (a note from the hub, or the outcome of its own action). */
  record Social(Object message) implements ChatInbox {}

  /** Where some of the player's party mates are (see {@link PartyPositions}). */
  record Mates(org.bluemarble.edge.port.SocialPush.PartyUpdate update) implements ChatInbox {}
}
