package org.bluemarble.edge.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.v1.EntityName;
import org.bluemarble.protocol.v1.Envelope;

/**
 * What {@code EntityEnter.name} says: a player's display name as this node knows it ({@link
 * PlayPort#displayName}), else the kind in lower case ("npc", "resource", and "player" for a player
 * whose name has not reached this node yet). Such players are remembered and, once the cluster
 * answers ({@link PlayPort#lookupDisplayName}), named by a later {@link EntityName} message. Used
 * by one thread at a time (the snapshot feed's).
 */
final class EntityNaming {
  private final PlayPort play;
  private final List<Long> unnamed = new ArrayList<>();

  EntityNaming(PlayPort play) {
    this.play = play;
  }

  /** A naming that knows no display names (every entity is named by its kind). */
  static EntityNaming kindsOnly() {
    return new EntityNaming(null);
  }

  /** The name for an EntityEnter of {@code e}. */
  String nameFor(WorldListener.SeenEntity e) {
    if (e.kind() == WorldListener.Kind.PLAYER && play != null) {
      String name = play.displayName(e.entityId());
      if (name != null) {
        return name;
      }
      unnamed.add(e.entityId());
    }
    return e.kind().name().toLowerCase(Locale.ROOT);
  }

  /** The players announced by kind since the last call. */
  List<Long> drainUnnamed() {
    if (unnamed.isEmpty()) {
      return List.of();
    }
    List<Long> out = List.copyOf(unnamed);
    unnamed.clear();
    return out;
  }

  /**
   * Asks the cluster for the names of {@code ids} (from {@link #drainUnnamed}, after their
   * EntityEnter went out) and sends an {@link EntityName} for each one it knows; from any thread.
   */
  void followUp(List<Long> ids, Consumer<Envelope> send) {
    for (long id : ids) {
      play.lookupDisplayName(id)
          .thenAccept(name -> name.ifPresent(n -> send.accept(entityName(id, n))));
    }
  }

  static Envelope entityName(long entityId, String name) {
    return Envelope.newBuilder()
        .setEntityName(EntityName.newBuilder().setEntityId(entityId).setName(name))
        .build();
  }
}
