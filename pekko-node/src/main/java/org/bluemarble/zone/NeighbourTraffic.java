package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import kamon.Kamon;
import kamon.metric.Counter;
import org.apache.pekko.actor.typed.ActorRef;
import org.bluemarble.spatial.GeoPosition;

/**
 * The outbox of one cell, counting what it sends to other cells (ghost batches, handoffs, forwarded
 * inputs) as same-node or cross-node traffic, per cell (for the admin summary) and per node as the
 * Kamon counter {@code bluemarble.zone.neighbour.messages{link=same-node|cross-node}}. Messages a
 * cell sends to its own next incarnation are not counted. Not thread-safe (one actor owns it).
 */
final class NeighbourTraffic implements CellOutbox {
  private static final String HELP =
      "Messages zone cells send to other cells (ghosts, handoffs, forwarded inputs), by link";
  private static final Counter SAME_NODE =
      Kamon.counter("bluemarble.zone.neighbour.messages", HELP).withTag("link", "same-node");
  private static final Counter CROSS_NODE =
      Kamon.counter("bluemarble.zone.neighbour.messages", HELP).withTag("link", "cross-node");

  private final S2CellId own;
  private final CellOutbox outbox;
  private long sameNode;
  private long crossNode;

  NeighbourTraffic(S2CellId own, CellOutbox outbox) {
    this.own = own;
    this.outbox = outbox;
  }

  @Override
  public void toCell(S2CellId cell, ZoneCell.Command command) {
    if (!cell.equals(own)) {
      if (outbox.sameNode(cell)) {
        sameNode++;
        SAME_NODE.increment();
      } else {
        crossNode++;
        CROSS_NODE.increment();
      }
    }
    outbox.toCell(cell, command);
  }

  /**
   * Counts a message to {@code cell} on this node delivered without the outbox (a ghost batch put
   * into its inbox).
   */
  void deliveredLocally(S2CellId cell) {
    if (!cell.equals(own)) {
      sameNode++;
      SAME_NODE.increment();
    }
  }

  @Override
  public void checkpoint(String playerId, GeoPosition position) {
    outbox.checkpoint(playerId, position);
  }

  @Override
  public void grantExperience(String playerId, long amount, String source, String grantId) {
    outbox.grantExperience(playerId, amount, source, grantId);
  }

  @Override
  public boolean sameNode(S2CellId cell) {
    return outbox.sameNode(cell);
  }

  @Override
  public void live(S2CellId cell, ActorRef<ZoneCell.Command> self) {
    outbox.live(cell, self);
  }

  /** Messages sent to cells on this node since the cell started. */
  long sameNode() {
    return sameNode;
  }

  /** Messages sent to cells on other nodes since the cell started. */
  long crossNode() {
    return crossNode;
  }

  @Override
  public boolean nextIncarnationReachable() {
    return outbox.nextIncarnationReachable();
  }
}
