package org.bluemarble.load.standin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bluemarble.load.scenario.LatLng;
import org.bluemarble.load.scenario.Sphere;
import org.bluemarble.protocol.movement.MovementIntegrator;
import org.bluemarble.protocol.movement.MovementState;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.snapshot.SnapshotEncoder;
import org.bluemarble.protocol.v1.Envelope;

/**
 * The stand-in server's world: avatars that move one 0.1 s step per input (the shared integrator,
 * as the real zone does) and a 20 Hz snapshot of every avatar within {@link #AOI_M} for each
 * viewer. Thread-safe by one lock.
 */
final class StandInWorld {

  static final double RADIUS_M = Sphere.EARTH_RADIUS_M;
  static final double AOI_M = 250;

  /** One player in the world and where its snapshots go. */
  static final class Avatar {
    final long entityId;
    final Consumer<Envelope> out;
    final SnapshotEncoder encoder = new SnapshotEncoder();
    MovementState state;

    Avatar(long entityId, MovementState state, Consumer<Envelope> out) {
      this.entityId = entityId;
      this.state = state;
      this.out = out;
    }
  }

  final Map<String, LatLng> spawnByPlayer = new ConcurrentHashMap<>();
  final AtomicLong ticks = new AtomicLong();
  private final MovementIntegrator integrator = new MovementIntegrator(RADIUS_M);
  private final Quantiser quantiser = new Quantiser(RADIUS_M);
  private final Map<Long, Avatar> avatars = new ConcurrentHashMap<>();
  private final AtomicLong nextEntity = new AtomicLong(100);
  private final LatLng defaultSpawn;

  StandInWorld(LatLng defaultSpawn) {
    this.defaultSpawn = defaultSpawn;
  }

  synchronized Avatar enter(String playerId, Consumer<Envelope> out) {
    LatLng p = spawnByPlayer.getOrDefault(playerId, defaultSpawn);
    Avatar a =
        new Avatar(
            nextEntity.incrementAndGet(), new MovementState(p.latDeg(), p.lngDeg(), 0, 0), out);
    avatars.put(a.entityId, a);
    return a;
  }

  synchronized void leave(Avatar a) {
    avatars.remove(a.entityId);
  }

  synchronized MovementState move(
      Avatar a, org.bluemarble.protocol.movement.MovementIntent intent) {
    a.state = integrator.step(a.state, intent);
    return a.state;
  }

  synchronized void acknowledge(Avatar a, int snapshotId) {
    a.encoder.acknowledge(snapshotId);
  }

  int population() {
    return avatars.size();
  }

  /** One snapshot round: every viewer gets the avatars within the AOI. */
  void snapshotRound() {
    long tick = ticks.incrementAndGet();
    List<Runnable> sends = new ArrayList<>();
    synchronized (this) {
      for (Avatar viewer : avatars.values()) {
        List<EntityState> visible = new ArrayList<>();
        EntityState self = quantise(viewer);
        for (Avatar other : avatars.values()) {
          if (Sphere.distanceM(
                  viewer.state.latDeg(),
                  viewer.state.lngDeg(),
                  other.state.latDeg(),
                  other.state.lngDeg(),
                  RADIUS_M)
              <= AOI_M) {
            visible.add(other == viewer ? self : quantise(other));
          }
        }
        Envelope e =
            Envelope.newBuilder()
                .setSnapshot(
                    viewer.encoder.encode(
                        self, visible, tick, SnapshotEncoder.DEFAULT_BUDGET_BYTES))
                .build();
        sends.add(() -> viewer.out.accept(e));
      }
    }
    sends.forEach(Runnable::run);
  }

  private EntityState quantise(Avatar a) {
    return quantiser.quantise(
        a.entityId, a.state.latDeg(), a.state.lngDeg(), a.state.altM(), a.state.headingDeg());
  }
}
