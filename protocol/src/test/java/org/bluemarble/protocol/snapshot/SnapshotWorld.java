package org.bluemarble.protocol.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A seeded test world of entities walking around a viewer, for snapshot tests and benchmarks. */
final class SnapshotWorld {

  static final double RADIUS_M = 6_371_000;
  private static final Quantiser Q = new Quantiser(RADIUS_M);

  private final Random random;
  private final Map<Long, double[]> walkers = new LinkedHashMap<>();
  private long nextId = 1;

  SnapshotWorld(long seed, int entities) {
    random = new Random(seed);
    for (int i = 0; i < entities; i++) {
      spawn();
    }
  }

  /** Adds an entity within ~250 m of (10°N, 20°E). */
  void spawn() {
    double lat = 10 + (random.nextDouble() - 0.5) * 0.0045;
    double lng = 20 + (random.nextDouble() - 0.5) * 0.0045;
    walkers.put(nextId++, new double[] {lat, lng, random.nextDouble() * 360});
  }

  void despawnOne() {
    if (!walkers.isEmpty()) {
      walkers.remove(walkers.keySet().iterator().next());
    }
  }

  /** Moves every entity {@code metres} along its heading; sometimes turns. */
  void step(double metres) {
    for (double[] w : walkers.values()) {
      if (random.nextInt(50) == 0) {
        w[2] = random.nextDouble() * 360;
      }
      double h = Math.toRadians(w[2]);
      w[0] += Math.toDegrees(metres * Math.cos(h) / RADIUS_M);
      w[1] += Math.toDegrees(metres * Math.sin(h) / (RADIUS_M * Math.cos(Math.toRadians(w[0]))));
    }
  }

  List<EntityState> states() {
    List<EntityState> out = new ArrayList<>();
    walkers.forEach((id, w) -> out.add(Q.quantise(id, w[0], w[1], 2.0, w[2])));
    return out;
  }

  EntityState viewer() {
    return Q.quantise(0, 10, 20, 2.0, 0);
  }

  Random random() {
    return random;
  }
}
