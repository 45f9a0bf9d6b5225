package org.bluemarble.social;

import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.bluemarble.chat.GroupHistory;
import org.bluemarble.chat.Moderation;
import org.bluemarble.chat.Notifications;

/**
 * Registers the social entities (guilds, parties, players' social lists, group chat history,
 * notifications, moderation) with Cluster Sharding.
 */
public final class Social {
  /** The entity types {@link #init} starts. */
  public static final List<EntityTypeKey<?>> ENTITY_KEYS =
      List.of(
          Guild.ENTITY_KEY,
          SocialList.ENTITY_KEY,
          Party.ENTITY_KEY,
          GroupHistory.ENTITY_KEY,
          Notifications.ENTITY_KEY,
          Moderation.ENTITY_KEY);

  private Social() {}

  /** Call once per node, beside the other entities; events are tagged by {@code slices}. */
  public static void init(ActorSystem<?> system, int slices) {
    Guild.init(system, slices);
    SocialList.init(system, slices);
    Party.init(system, slices);
    GroupHistory.init(system, slices);
    Notifications.init(system, slices);
    Moderation.init(system, slices);
    Moderation.restoreMutes(system, java.time.Duration.ofSeconds(10));
  }
}
