package org.bluemarble.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.config.WorldSettings;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.edge.port.WorldAdminPort;
import org.bluemarble.planet.Planet;
import org.bluemarble.zone.CellDirectory;
import org.bluemarble.zone.CellIds;
import org.bluemarble.zone.ZoneCell;
import org.bluemarble.zone.ZoneSettings;

/**
 * The edge's view of the world, implemented by asking the sharded {@link ZoneCell}s; the list of
 * live cells with their summaries comes from every node's {@link CellDirectory} (found through the
 * receptionist).
 */
final class WorldAdmin implements WorldAdminPort {
  private final ActorSystem<?> system;
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
    this.system = system;
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
                return view(s);
              }
              throw new PortException(PortException.Code.UNAVAILABLE, String.valueOf(reply));
            });
  }

  private static CellView view(ZoneCell.CellSummary s) {
    return new CellView(
        s.cellId(),
        s.node(),
        s.players(),
        s.npcs(),
        s.resourceNodes(),
        s.depletedNodes(),
        s.ticks(),
        s.overruns(),
        s.tickP50Nanos(),
        s.tickP99Nanos(),
        s.droppedInputs(),
        s.sameNodeMessages(),
        s.crossNodeMessages());
  }

  /**
   * Every node's directory answers with the summaries of its live cells (asked directly, so a
   * passivated cell is neither listed nor woken); the page is cut from their merge.
   */
  @Override
  public CompletionStage<CellPage> cells(int offset, int limit) {
    return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(
            system.receptionist(),
            r -> Receptionist.find(CellDirectory.SERVICE_KEY, r),
            timeout,
            system.scheduler())
        .thenCompose(
            listing -> {
              Set<ActorRef<CellDirectory.Command>> nodes =
                  listing.getServiceInstances(CellDirectory.SERVICE_KEY);
              List<CompletableFuture<CellDirectory.LocalCells>> answers = new ArrayList<>();
              for (ActorRef<CellDirectory.Command> node : nodes) {
                answers.add(
                    AskPattern.<CellDirectory.Command, CellDirectory.LocalCells>ask(
                            node, CellDirectory.ListCells::new, timeout, system.scheduler())
                        .toCompletableFuture()
                        // A node that does not answer is reported as missing, not fatal.
                        .exceptionally(e -> null));
              }
              return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                  .thenApply(done -> page(answers, offset, limit));
            });
  }

  private static CellPage page(
      List<CompletableFuture<CellDirectory.LocalCells>> answers, int offset, int limit) {
    TreeMap<String, ZoneCell.CellSummary> byId = new TreeMap<>();
    int answered = 0;
    for (CompletableFuture<CellDirectory.LocalCells> a : answers) {
      CellDirectory.LocalCells local = a.join();
      if (local != null) {
        answered++;
        // During a shard hand-over a cell may briefly run on two nodes; one entry per cell.
        local.cells().forEach(c -> byId.put(c.cellId(), c));
      }
    }
    long sameNode = 0;
    long crossNode = 0;
    for (ZoneCell.CellSummary s : byId.values()) {
      sameNode += s.sameNodeMessages();
      crossNode += s.crossNodeMessages();
    }
    List<ZoneCell.CellSummary> all = new ArrayList<>(byId.values());
    List<CellView> cells = new ArrayList<>();
    for (ZoneCell.CellSummary s :
        all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
      cells.add(view(s));
    }
    Integer next = offset + limit < all.size() ? offset + limit : null;
    return new CellPage(
        all.size(), offset, limit, answers.size(), answered, cells, next, sameNode, crossNode);
  }

  @Override
  public CompletionStage<PositionPage> positions(int offset, int limit) {
    return org.bluemarble.names.OnlinePlayers.get(system).page(offset, limit, timeout);
  }
}
