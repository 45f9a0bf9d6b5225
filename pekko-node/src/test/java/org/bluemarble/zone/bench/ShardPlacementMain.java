package org.bluemarble.zone.bench;

import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.CellBoundary;
import org.bluemarble.zone.CellPlacement;
import org.bluemarble.zone.ZoneSettings;
import org.bluemarble.zone.internal.Vectors;

/**
 * Prints the share of cell-to-cell messages (ghost batches and handoffs) that cross nodes, for zone
 * cells placed by a hash of their id and by S2 parents at several levels, over 3, 5 and 10 nodes.
 * Deterministic: a fixed population (most players in towns of a few km, the rest scattered) walks
 * for a minute; ghost targets and handoffs come from the real {@link CellBoundary}. Shards go to
 * nodes as Pekko's least-shard allocation does, in order of first use. Also prints the load balance
 * (players on the busiest node over the mean). Optional argument: players (default 20,000).
 */
public final class ShardPlacementMain {
  private static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  private static final int LEVEL = SETTINGS.zoneLevel();
  private static final double RADIUS = Sphere.EARTH.radiusMeters();
  private static final int SECONDS = 60;

  private ShardPlacementMain() {}

  /** One directed message between two cells, counted {@code count} times. */
  private record Flow(S2CellId from, S2CellId to, long count) {}

  public static void main(String[] args) {
    int players = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Traffic traffic = simulate(players, new SplittableRandom(42));
    System.out.printf(
        Locale.ROOT,
        "%d players, %d s: %d active cells, %,d ghost batches, %,d handoffs%n",
        players,
        SECONDS,
        traffic.cellOrder.size(),
        traffic.ghosts,
        traffic.handoffs);
    System.out.printf(
        Locale.ROOT,
        "%-16s %6s %8s %14s %10s%n",
        "placement",
        "nodes",
        "shards",
        "cross-node",
        "max/mean");
    Map<String, CellPlacement> placements = new LinkedHashMap<>();
    placements.put("hashed (1000)", CellPlacement.hashed());
    for (int level : new int[] {11, 10, 9, 8, 7}) {
      placements.put("S2 parent L" + level, CellPlacement.byParent(level));
    }
    for (int nodes : new int[] {3, 5, 10}) {
      for (Map.Entry<String, CellPlacement> p : placements.entrySet()) {
        Result r = allocate(traffic, p.getValue(), nodes);
        System.out.printf(
            Locale.ROOT,
            "%-16s %6d %8d %13.2f%% %10.2f%n",
            p.getKey(),
            nodes,
            r.shards,
            100.0 * r.crossNode / r.total,
            r.maxOverMean);
      }
    }
  }

  private static final class Traffic {
    final Map<S2CellId, Integer> playersPerCell = new LinkedHashMap<>();
    final List<S2CellId> cellOrder = new ArrayList<>();
    final List<Flow> flows = new ArrayList<>();
    long ghosts;
    long handoffs;
  }

  private record Result(int shards, long crossNode, long total, double maxOverMean) {}

  private static Traffic simulate(int players, SplittableRandom random) {
    double[][] towns = new double[40][3];
    for (double[] t : towns) {
      Vectors.fromLatLng(
          Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)), random.nextDouble(-180, 180), t);
    }
    double[][] at = new double[players][3];
    double[][] dir = new double[players][3];
    for (int i = 0; i < players; i++) {
      if (random.nextDouble() < 0.8) {
        // Bigger towns first: town k gets a share proportional to 1 / (k + 1).
        int k = (int) Math.min(towns.length - 1, Math.floor(Math.expm1(random.nextDouble() * 4.4)));
        double[] t = towns[k];
        double lat = Vectors.latitudeDeg(t[0], t[1], t[2]);
        double lng = Vectors.longitudeDeg(t[0], t[1], 0);
        Vectors.fromLatLng(lat, lng, at[i]);
        Vectors.tangent(lat, lng, random.nextDouble(360), dir[i]);
        Vectors.advance(at[i], dir[i], Math.abs(random.nextGaussian()) * 2_000 / RADIUS);
      } else {
        Vectors.fromLatLng(
            Math.toDegrees(Math.asin(2 * random.nextDouble() - 1)),
            random.nextDouble(-180, 180),
            at[i]);
      }
      double[] p = at[i];
      Vectors.tangent(
          Vectors.latitudeDeg(p[0], p[1], p[2]),
          Vectors.longitudeDeg(p[0], p[1], 0),
          random.nextDouble(360),
          dir[i]);
    }
    Traffic traffic = new Traffic();
    Map<S2CellId, CellBoundary> boundaries = new HashMap<>();
    Map<List<S2CellId>, Long> counts = new LinkedHashMap<>();
    S2CellId[] targets = new S2CellId[8];
    S2CellId[] cellOf = new S2CellId[players];
    for (int second = 0; second <= SECONDS; second++) {
      Set<List<S2CellId>> batches = new HashSet<>();
      for (int i = 0; i < players; i++) {
        double[] p = at[i];
        if (second > 0) {
          Vectors.advance(p, dir[i], 5.0 / RADIUS);
        }
        S2CellId cell = S2CellId.fromPoint(new S2Point(p[0], p[1], p[2])).parent(LEVEL);
        if (cellOf[i] == null) {
          traffic.playersPerCell.merge(cell, 1, Integer::sum);
        } else if (!cellOf[i].equals(cell)) {
          counts.merge(List.of(cellOf[i], cell), 1L, Long::sum);
          traffic.handoffs++;
        }
        if (!traffic.playersPerCell.containsKey(cell)) {
          traffic.playersPerCell.put(cell, 0);
        }
        cellOf[i] = cell;
        CellBoundary b = boundaries.computeIfAbsent(cell, c -> new CellBoundary(c, SETTINGS));
        int n = b.ghostTargets(p[0], p[1], p[2], targets);
        for (int k = 0; k < n; k++) {
          batches.add(List.of(cell, targets[k]));
        }
      }
      // One batch per (cell, neighbour) per snapshot: 20 per second.
      for (List<S2CellId> pair : batches) {
        counts.merge(pair, (long) SETTINGS.snapshotHz(), Long::sum);
        traffic.ghosts += SETTINGS.snapshotHz();
      }
    }
    traffic.cellOrder.addAll(traffic.playersPerCell.keySet());
    counts.forEach((pair, c) -> traffic.flows.add(new Flow(pair.get(0), pair.get(1), c)));
    return traffic;
  }

  private static Result allocate(Traffic traffic, CellPlacement placement, int nodes) {
    Map<String, Integer> nodeOfShard = new HashMap<>();
    int[] shardsPerNode = new int[nodes];
    long[] playersPerNode = new long[nodes];
    for (S2CellId cell : traffic.cellOrder) {
      int node = nodeOf(placement.shardOf(cell), nodeOfShard, shardsPerNode);
      playersPerNode[node] += traffic.playersPerCell.get(cell);
    }
    long cross = 0;
    long total = 0;
    for (Flow f : traffic.flows) {
      int a = nodeOf(placement.shardOf(f.from()), nodeOfShard, shardsPerNode);
      int b = nodeOf(placement.shardOf(f.to()), nodeOfShard, shardsPerNode);
      total += f.count();
      if (a != b) {
        cross += f.count();
      }
    }
    long max = 0;
    long sum = 0;
    for (long p : playersPerNode) {
      max = Math.max(max, p);
      sum += p;
    }
    return new Result(nodeOfShard.size(), cross, total, max / ((double) sum / nodes));
  }

  /** Least-shard allocation: a new shard goes to the node holding the fewest shards. */
  private static int nodeOf(String shard, Map<String, Integer> nodeOfShard, int[] shardsPerNode) {
    Integer node = nodeOfShard.get(shard);
    if (node != null) {
      return node;
    }
    int best = 0;
    for (int i = 1; i < shardsPerNode.length; i++) {
      if (shardsPerNode[i] < shardsPerNode[best]) {
        best = i;
      }
    }
    shardsPerNode[best]++;
    nodeOfShard.put(shard, best);
    return best;
  }
}
