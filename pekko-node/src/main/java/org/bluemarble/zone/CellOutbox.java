package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import org.bluemarble.spatial.GeoPosition;

/**
 * Where a {@link ZoneCell} sends messages to other entities: neighbour cells (handoffs, ghosts,
 * forwarded inputs) and Player entities (position checkpoints). {@link ShardedOutbox} is the real
 * one; tests of a single cell may record instead.
 */
public interface CellOutbox {

  /** Tells the zone cell {@code cell} a command (fire and forget). */
  void toCell(S2CellId cell, ZoneCell.Command command);

  /** Checkpoints a player's position to its Player entity; the reply is ignored. */
  void checkpoint(String playerId, GeoPosition position);
}
