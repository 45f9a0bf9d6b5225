package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bluemarble.spatial.GeoPosition;

/** A {@link CellOutbox} for single-cell tests: records what the cell would send. */
final class RecordingOutbox implements CellOutbox {
  record Sent(S2CellId cell, ZoneCell.Command command) {}

  record Checkpointed(String playerId, GeoPosition position) {}

  record Granted(String playerId, long amount, String source, String grantId) {}

  final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
  final Queue<Checkpointed> checkpoints = new ConcurrentLinkedQueue<>();
  final Queue<Granted> grants = new ConcurrentLinkedQueue<>();

  /** Loot legs the cell posted, in order; answered by {@link #holdings} (null: not answered). */
  final Queue<org.bluemarble.market.holdings.Leg> lootPosted = new ConcurrentLinkedQueue<>();

  volatile java.util.function.Function<
          org.bluemarble.market.holdings.Leg,
          java.util.concurrent.CompletionStage<org.bluemarble.market.holdings.LegReply>>
      holdings;

  @Override
  public java.util.concurrent.CompletionStage<org.bluemarble.market.holdings.LegReply> postLoot(
      String playerId, org.bluemarble.market.holdings.Leg leg) {
    lootPosted.add(leg);
    var h = holdings;
    return h == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : h.apply(leg);
  }

  @Override
  public void grantExperience(String playerId, long amount, String source, String grantId) {
    grants.add(new Granted(playerId, amount, source, grantId));
  }

  @Override
  public void toCell(S2CellId cell, ZoneCell.Command command) {
    sent.add(new Sent(cell, command));
  }

  @Override
  public void checkpoint(String playerId, GeoPosition position) {
    checkpoints.add(new Checkpointed(playerId, position));
  }
}
