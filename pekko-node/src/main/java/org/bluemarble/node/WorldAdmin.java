package org.bluemarble.node;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.config.WorldSettings;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.edge.port.WorldAdminPort;
import org.bluemarble.planet.Planet;
import org.bluemarble.zone.CellIds;
import org.bluemarble.zone.ZoneCell;
import org.bluemarble.zone.ZoneSettings;

/** The edge's view of the world, implemented by asking the sharded {@link ZoneCell}s. */
final class WorldAdmin implements WorldAdminPort {
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final ZoneSettings zone;
  private final WorldView view;

  WorldAdmin(
      ActorSystem<?> system,
      Duration timeout,
      WorldSettings world,
      Planet planet,
      ZoneSettings zone) {
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.zone = zone;
    this.view =
        new WorldView(
            world.planetId(),
            world.seed(),
            world.terrainLevel(),
            planet.contentHash(),
            zone.zoneLevel(),
            zone.tickHz(),
            zone.snapshotHz(),
            zone.aoiRadiusMeters());
  }

  @Override
  public WorldView world() {
    return view;
  }

  @Override
  public CompletionStage<CellView> cell(String cellId) {
    String entityId;
    try {
      entityId = CellIds.entityId(CellIds.parse(cellId, zone.zoneLevel()));
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new PortException(PortException.Code.INVALID_INPUT, e.getMessage()));
    }
    return sharding
        .entityRefFor(ZoneCell.ENTITY_KEY, entityId)
        .<ZoneCell.Reply>ask(ZoneCell.GetCellSummary::new, timeout)
        .thenApply(
            reply -> {
              if (reply instanceof ZoneCell.CellSummary s) {
                return new CellView(
                    s.cellId(),
                    s.players(),
                    s.npcs(),
                    s.resourceNodes(),
                    s.depletedNodes(),
                    s.ticks(),
                    s.overruns(),
                    s.tickP50Nanos(),
                    s.tickP99Nanos(),
                    s.droppedInputs());
              }
              throw new PortException(PortException.Code.UNAVAILABLE, String.valueOf(reply));
            });
  }
}
