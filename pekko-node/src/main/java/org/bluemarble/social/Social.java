package org.bluemarble.social;

import org.apache.pekko.actor.typed.ActorSystem;

/** Registers the social entities (guilds, parties, players' social lists) with Cluster Sharding. */
public final class Social {
  private Social() {}

  /** Call once per node, beside the other entities; events are tagged by {@code slices}. */
  public static void init(ActorSystem<?> system, int slices) {
    Guild.init(system, slices);
    SocialList.init(system, slices);
    Party.init(system, slices);
    org.bluemarble.chat.GroupHistory.init(system, slices);
    org.bluemarble.chat.Notifications.init(system, slices);
    org.bluemarble.chat.Moderation.init(system, slices);
    org.bluemarble.chat.Moderation.restoreMutes(system, java.time.Duration.ofSeconds(10));
  }
}
