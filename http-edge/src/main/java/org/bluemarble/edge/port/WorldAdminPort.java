package org.bluemarble.edge.port;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The simulated world as admins see it: which planet, and the state of a zone cell. */
public interface WorldAdminPort {

  /** The world planet and the zone grid. */
  WorldView world();

  /**
   * A zone cell's summary (the cell starts if it was not running). Fails with {@link PortException}
   * INVALID_INPUT when {@code cellId} is not an S2 token or id of a cell at the zone level.
   */
  CompletionStage<CellView> cell(String cellId);

  /**
   * The zone cells running on all nodes, ordered by cell id, {@code limit} of them from {@code
   * offset} (both already validated by the route); passivated cells are not listed and not woken. A
   * world without cells (test stand-ins) fails with UNAVAILABLE.
   */
  default CompletionStage<CellPage> cells(int offset, int limit) {
    return CompletableFuture.failedFuture(
        new PortException(PortException.Code.UNAVAILABLE, "this world has no zone cells"));
  }

  /**
   * One page of active cells: {@code total} cells run on the {@code nodesAnswered} of {@code
   * nodesAsked} nodes that answered; {@code nextOffset} is null on the last page; {@code
   * sameNodeMessages} and {@code crossNodeMessages} are the totals over all {@code total} cells.
   */
  record CellPage(
      int total,
      int offset,
      int limit,
      int nodesAsked,
      int nodesAnswered,
      List<CellView> cells,
      Integer nextOffset,
      long sameNodeMessages,
      long crossNodeMessages) {

    /** A page without message totals. */
    public CellPage(
        int total,
        int offset,
        int limit,
        int nodesAsked,
        int nodesAnswered,
        List<CellView> cells,
        Integer nextOffset) {
      this(total, offset, limit, nodesAsked, nodesAnswered, cells, nextOffset, 0, 0);
    }
  }

  /**
   * The world: planet id, seed, terrain level, content hash, zone level, tick and snapshot rates,
   * AOI radius.
   */
  record WorldView(
      String planetId,
      long seed,
      int terrainLevel,
      String contentHash,
      int zoneLevel,
      int tickHz,
      int snapshotHz,
      double aoiRadiusMeters) {}

  /**
   * One zone cell, running on {@code node} (its cluster address); tick costs in nanoseconds over
   * its recent ticks; since the cell started: inputs dropped from flooding clients, and messages
   * sent to neighbour cells (ghosts, handoffs, forwarded inputs) on the same node and on other
   * nodes.
   */
  record CellView(
      String cellId,
      String node,
      int players,
      int npcs,
      int resourceNodes,
      int depletedNodes,
      long ticks,
      long overruns,
      long tickP50Nanos,
      long tickP99Nanos,
      long droppedInputs,
      long sameNodeMessages,
      long crossNodeMessages) {

    /** A view without node and neighbour traffic (stand-ins). */
    public CellView(
        String cellId,
        int players,
        int npcs,
        int resourceNodes,
        int depletedNodes,
        long ticks,
        long overruns,
        long tickP50Nanos,
        long tickP99Nanos,
        long droppedInputs) {
      this(
          cellId,
          "",
          players,
          npcs,
          resourceNodes,
          depletedNodes,
          ticks,
          overruns,
          tickP50Nanos,
          tickP99Nanos,
          droppedInputs,
          0,
          0);
    }
  }

  /**
   * The players in the world on all nodes with their last acknowledged positions, ordered by name,
   * {@code limit} of them from {@code offset} (both already validated by the route). A world
   * without presences (test stand-ins) fails with UNAVAILABLE.
   */
  default CompletionStage<PositionPage> positions(int offset, int limit) {
    return CompletableFuture.failedFuture(
        new PortException(PortException.Code.UNAVAILABLE, "this world has no players"));
  }

  /**
   * One page of players in the world: {@code total} of them on the {@code nodesAnswered} of {@code
   * nodesAsked} nodes that answered; {@code nextOffset} is null on the last page.
   */
  record PositionPage(
      int total,
      int offset,
      int limit,
      int nodesAsked,
      int nodesAnswered,
      List<PlayerPosition> players,
      Integer nextOffset) {}

  /**
   * A player where the world last acknowledged it ({@code at}, ISO-8601), in zone cell {@code
   * cellId}, its presence on {@code node}; {@code entityId} is the unsigned 64-bit snapshot id in
   * decimal (a string: JavaScript numbers cannot hold it).
   */
  record PlayerPosition(
      String playerId,
      String entityId,
      String name,
      double latitudeDeg,
      double longitudeDeg,
      double altitudeMeters,
      String cellId,
      String node,
      String at) {}
}
