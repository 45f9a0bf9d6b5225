package org.bluemarble.edge.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.protocol.snapshot.EntityState;
import org.bluemarble.protocol.snapshot.Quantiser;
import org.bluemarble.protocol.snapshot.SnapshotEncoder;
import org.bluemarble.protocol.v1.EntityEnter;
import org.bluemarble.protocol.v1.Envelope;

/**
 * One client's snapshot stream while in the world: quantises what the world shows, delta-encodes it
 * against the newest snapshot the client acknowledged, and turns enter notices into EntityEnter
 * messages carrying the entity's kind and position from the snapshot that first shows it. {@link
 * #acknowledge} may be called from any thread (the transport's, while a snapshot is encoded on the
 * world's); every other method by one thread at a time (the world's calls for this session).
 */
final class SnapshotFeed {
  private final long selfId;
  private final Quantiser quantiser;
  private final SnapshotEncoder encoder = new SnapshotEncoder();
  private final int budgetBytes;
  private final AtomicInteger acknowledged = new AtomicInteger();
  private final Set<Long> announced = new LinkedHashSet<>();
  private final EntityNaming naming;
  private PlayPosition self;
  private long tick;

  SnapshotFeed(long selfId, double planetRadiusMeters, PlayPosition start, int budgetBytes) {
    this(selfId, planetRadiusMeters, start, budgetBytes, EntityNaming.kindsOnly());
  }

  SnapshotFeed(
      long selfId,
      double planetRadiusMeters,
      PlayPosition start,
      int budgetBytes,
      EntityNaming naming) {
    this.naming = naming;
    this.selfId = selfId;
    this.quantiser = new Quantiser(planetRadiusMeters);
    this.self = start;
    this.budgetBytes = budgetBytes;
  }

  void acknowledge(int snapshotId) {
    acknowledged.accumulateAndGet(snapshotId, Math::max);
  }

  /** The newest authoritative own position (corrections, acks that carry one). */
  void self(PlayPosition position) {
    if (position != null) {
      self = position;
    }
  }

  PlayPosition self() {
    return self;
  }

  long tick() {
    return tick;
  }

  void entered(long entityId) {
    announced.add(entityId);
  }

  void left(long entityId) {
    announced.remove(entityId);
  }

  /**
   * EntityEnter messages (for newly seen entities) followed by the snapshot. The entities'
   * quantised states come from the world, shared with every other observer of the tick; only those
   * the world did not quantise are quantised here.
   */
  List<Envelope> encode(long serverTick, List<WorldListener.SeenEntity> visible) {
    tick = serverTick;
    encoder.acknowledge(acknowledged.get());
    List<Envelope> out = new ArrayList<>(2);
    int n = visible.size();
    // A fresh array: the encoder keeps the states, and storing them into a long-lived scratch
    // array would pay the collector's write barrier per entity.
    EntityState[] states = new EntityState[n];
    EntityState own = null;
    int count = 0;
    boolean announcing = !announced.isEmpty();
    for (int i = 0; i < n; i++) {
      WorldListener.SeenEntity e = visible.get(i);
      EntityState s = e.state() != null ? e.state() : quantise(e);
      if (s == null) {
        continue;
      }
      states[count++] = s;
      if (e.entityId() == selfId) {
        own = s;
      }
      if (announcing && announced.remove(e.entityId())) {
        out.add(
            Envelope.newBuilder()
                .setEntityEnter(
                    EntityEnter.newBuilder()
                        .setEntityId(e.entityId())
                        .setKind(ProtoMapping.kindOf(e.kind()))
                        .setName(naming.nameFor(e))
                        .setPosition(ProtoMapping.toProto(e)))
                .build());
        announcing = !announced.isEmpty();
      }
    }
    // The priority's viewpoint: the own entity as this tick shows it (quantised once by the world),
    // else the newest own position this feed heard of.
    EntityState viewer =
        own != null
            ? own
            : quantiser.quantise(
                selfId, self.latitudeDeg(), self.longitudeDeg(), self.altitudeMeters(), 0.0);
    out.add(
        Envelope.newBuilder()
            .setSnapshot(encoder.encode(viewer, states, count, serverTick, budgetBytes))
            .build());
    return out;
  }

  /** The naming of this feed's EntityEnter messages (for its follow-ups). */
  EntityNaming naming() {
    return naming;
  }

  private EntityState quantise(WorldListener.SeenEntity e) {
    try {
      return quantiser.quantise(
          e.entityId(), e.latitudeDeg(), e.longitudeDeg(), e.altitudeMeters(), e.headingDeg());
    } catch (IllegalArgumentException outOfRange) {
      return null;
    }
  }
}
