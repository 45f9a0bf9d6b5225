package org.bluemarble.edge.port;

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
   * One zone cell; tick costs in nanoseconds over its recent ticks; inputs dropped from flooding
   * clients since the cell started.
   */
  record CellView(
      String cellId,
      int players,
      int npcs,
      int resourceNodes,
      int depletedNodes,
      long ticks,
      long overruns,
      long tickP50Nanos,
      long tickP99Nanos,
      long droppedInputs) {}
}
