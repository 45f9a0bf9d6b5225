package org.bluemarble.zone;

import java.util.Map;
import java.util.TreeMap;
import org.bluemarble.replay.EntityFold;

/**
 * Replay of a {@link ZoneCell}'s persisted facts (resource nodes that are not full): the cell's own
 * fold. Creatures and players are not persisted and so not replayed.
 */
public final class ZoneCellFold implements EntityFold<ZoneCell.State> {

  /** The facts, resource node id to what is left and when it respawns. */
  public record View(Map<Long, ZoneCell.NodeRecord> notFull) {}

  @Override
  public String entityType() {
    return ZoneCell.ENTITY_KEY.name();
  }

  @Override
  public ZoneCell.State initial(String entityId) {
    return ZoneCell.State.EMPTY;
  }

  @Override
  public ZoneCell.State apply(ZoneCell.State s, Object event) {
    if (event instanceof ZoneCell.Event e) {
      return s.apply(e);
    }
    throw new IllegalArgumentException("not a ZoneCell event: " + event.getClass().getName());
  }

  @Override
  public Object view(ZoneCell.State s) {
    return new View(new TreeMap<>(s.notFull()));
  }

  @Override
  public Object snapshotView(Object stored) {
    return stored instanceof ZoneCell.State s ? view(s) : null;
  }
}
