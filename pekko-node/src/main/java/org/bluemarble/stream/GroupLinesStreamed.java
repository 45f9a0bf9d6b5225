package org.bluemarble.stream;

import java.util.function.BiConsumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.chat.GroupHistory;

/**
 * Tells a guild's or party's {@link GroupHistory} that the Kafka stream published its line (the
 * broker acknowledged it), so the history's retention may delete it: the offset guard before
 * chat-history deletion.
 */
final class GroupLinesStreamed {
  private GroupLinesStreamed() {}

  private static final String PREFIX = GroupHistory.ENTITY_KEY.name() + "|";

  /** The hook the Kafka handler calls with (persistence id, sequence number). */
  static BiConsumer<String, Long> to(ActorSystem<?> system) {
    ClusterSharding sharding = ClusterSharding.get(system);
    return (pid, seq) -> {
      if (pid.startsWith(PREFIX)) {
        sharding
            .entityRefFor(GroupHistory.ENTITY_KEY, pid.substring(PREFIX.length()))
            .tell(new GroupHistory.Streamed(seq));
      }
    };
  }
}
