package org.bluemarble.protocol.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The shared-piece encoder (one set of quantised states per tick, the same instances in every
 * observer's snapshot and baselines) against the per-observer encoder it replaced ({@link
 * ReferenceSnapshotEncoder}, fed per-observer copies): for random entity sets, movements,
 * observers, budgets and lost acknowledgements, every snapshot has the same bytes, and decoding it
 * gives exactly the state the reference encoder's client holds.
 */
class SharedSnapshotEncodingTest {

  private static final int TICKS = 40;

  @Property(tries = 150)
  void sharedPiecesGiveTheReferenceBytesAndState(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int observers,
      @ForAll @IntRange(min = 0, max = 90) int population,
      @ForAll @IntRange(min = 16, max = 1_200) int budget) {
    Random random = new Random(seed);
    World world = new World(random, population);
    List<Observer> watching = new ArrayList<>();
    for (int o = 0; o < observers; o++) {
      watching.add(new Observer(random, world.viewerNear()));
    }
    for (int tick = 1; tick <= TICKS; tick++) {
      EntityState[] shared = world.step();
      for (Observer o : watching) {
        o.snapshot(shared, tick, budget);
      }
    }
  }

  @Test
  void anEntityThatStoodStillKeepsItsInstanceAndCostsNothing() {
    EntityState a = new EntityState(5, 100, 200, 300, 7);
    EntityState b = new EntityState(9, 1_000, 2_000, 3_000, 9);
    SnapshotEncoder encoder = new SnapshotEncoder();
    Snapshot first = encoder.encode(a, new EntityState[] {b, a}, 2, 1, 1_000);
    encoder.acknowledge(first.getSnapshotId());
    Snapshot second = encoder.encode(a, new EntityState[] {a, b}, 2, 2, 1_000);

    // Nothing removed, nothing updated: two one-bit gamma codes.
    assertThat(second.getPayload().toByteArray()).containsExactly((byte) 0b1100_0000);
    assertThat(encoder.sentState(second.getSnapshotId()).get(0)).isSameAs(a);
  }

  @Test
  void observersThatAcknowledgedTheSameTickShareEachEntitysPiece() {
    int population = 20;
    int observers = 5;
    EntityState[] first = new EntityState[population];
    EntityState[] second = new EntityState[population];
    for (int i = 0; i < population; i++) {
      first[i] = new EntityState(i + 1, 1_000 * i, 500, -700, 100);
      second[i] = new EntityState(i + 1, 1_000 * i + 25, 480, -700 + i, i % 2 == 0 ? 100 : 130);
    }
    List<SnapshotEncoder> encoders = new ArrayList<>();
    EntityState viewer = new EntityState(0, 0, 0, 0, 0);
    for (int o = 0; o < observers; o++) {
      SnapshotEncoder encoder = new SnapshotEncoder();
      encoder.acknowledge(encoder.encode(viewer, first, population, 1, 1_000).getSnapshotId());
      encoders.add(encoder);
    }

    long before = DeltaPieces.local().computed();
    List<byte[]> payloads = new ArrayList<>();
    for (SnapshotEncoder encoder : encoders) {
      payloads.add(encoder.encode(viewer, second, population, 2, 1_000).getPayload().toByteArray());
    }

    // One piece per moved entity for the whole round, not one per observer and entity.
    assertThat(DeltaPieces.local().computed() - before).isEqualTo(population);
    ReferenceSnapshotEncoder reference = new ReferenceSnapshotEncoder();
    reference.acknowledge(reference.encode(viewer, List.of(first), 1, 1_000).getSnapshotId());
    byte[] expected =
        reference.encode(viewer, List.of(second), 2, 1_000).getPayload().toByteArray();
    assertThat(payloads).allSatisfy(p -> assertThat(p).isEqualTo(expected));
  }

  /** Entities moving (walking, jumping, turning, standing), appearing and disappearing. */
  private static final class World {
    private final Random random;
    private final List<EntityState> alive = new ArrayList<>();
    private long nextId = 1;

    World(Random random, int population) {
      this.random = random;
      for (int i = 0; i < population; i++) {
        alive.add(spawn());
      }
    }

    EntityState spawn() {
      return new EntityState(
          nextId++ * 3 + random.nextInt(3),
          random.nextInt(20_000) - 10_000,
          random.nextInt(20_000) - 10_000,
          random.nextInt(20_000) - 10_000,
          random.nextInt(65_536));
    }

    EntityState viewerNear() {
      return new EntityState(0, random.nextInt(2_000), random.nextInt(2_000), 0, 0);
    }

    /** The next tick: each entity quantised once, shared by every observer. */
    EntityState[] step() {
      List<EntityState> next = new ArrayList<>();
      for (EntityState e : alive) {
        int roll = random.nextInt(100);
        if (roll < 3) {
          continue; // gone
        }
        if (roll < 30) {
          next.add(e); // stood still: the same instance
        } else if (roll < 35) {
          next.add(moved(e, 1 << (10 + random.nextInt(16)))); // a jump
        } else {
          next.add(moved(e, 64));
        }
      }
      int born = random.nextInt(3);
      for (int i = 0; i < born; i++) {
        next.add(spawn());
      }
      alive.clear();
      alive.addAll(next);
      return next.toArray(new EntityState[0]);
    }

    private EntityState moved(EntityState e, int span) {
      return new EntityState(
          e.entityId(),
          e.xCm() + random.nextInt(span) - span / 2,
          e.yCm() + random.nextInt(span) - span / 2,
          e.zCm() + random.nextInt(span) - span / 2,
          random.nextInt(4) == 0 ? random.nextInt(65_536) : e.heading());
    }
  }

  /** One client: the new encoder and the reference, fed the same visible set and the same acks. */
  private static final class Observer {
    private final Random random;
    private final EntityState viewer;
    private final SnapshotEncoder shared = new SnapshotEncoder();
    private final ReferenceSnapshotEncoder reference = new ReferenceSnapshotEncoder();
    private final SnapshotDecoder decoder = new SnapshotDecoder();
    private final List<Snapshot> inFlight = new ArrayList<>();

    // Whether this observer's visible entities come shuffled rather than in id order.
    private final boolean unordered;

    Observer(Random random, EntityState viewer) {
      this.random = random;
      this.viewer = viewer;
      this.unordered = random.nextBoolean();
    }

    void snapshot(EntityState[] world, long tick, int budget) {
      EntityState[] visible = new EntityState[world.length];
      List<EntityState> copies = new ArrayList<>();
      int count = 0;
      for (EntityState e : world) {
        if (random.nextInt(10) < 8) {
          visible[count++] = e;
          copies.add(
              new EntityState(e.entityId(), e.xCm(), e.yCm(), e.zCm(), e.heading())); // a copy
        }
      }
      java.util.Collections.shuffle(copies, random);
      if (unordered) {
        // As a caller that does not send id order (the world does): the encoder sorts.
        for (int i = count - 1; i > 0; i--) {
          int j = random.nextInt(i + 1);
          EntityState t = visible[i];
          visible[i] = visible[j];
          visible[j] = t;
        }
      }
      Snapshot mine = shared.encode(viewer, visible, count, tick, budget);
      Snapshot theirs = reference.encode(viewer, copies, tick, budget);

      assertThat(mine.getSnapshotId()).isEqualTo(theirs.getSnapshotId());
      assertThat(mine.getBaselineId()).isEqualTo(theirs.getBaselineId());
      assertThat(mine.getServerTick()).isEqualTo(theirs.getServerTick());
      assertThat(mine.getPayload().toByteArray())
          .as("payload of snapshot %d", mine.getSnapshotId())
          .isEqualTo(theirs.getPayload().toByteArray());
      assertThat(shared.sentState(mine.getSnapshotId()))
          .isEqualTo(reference.sentState(theirs.getSnapshotId()));

      // The client: decodes what arrives (some snapshots late or lost), acknowledges some.
      inFlight.add(mine);
      while (!inFlight.isEmpty() && random.nextInt(3) != 0) {
        Snapshot arriving = inFlight.remove(0);
        if (random.nextInt(8) == 0) {
          continue; // lost
        }
        SnapshotState decoded = decoder.decode(arriving);
        assertThat(decoded).isEqualTo(reference.sentState(arriving.getSnapshotId()));
        if (random.nextInt(4) != 0) {
          shared.acknowledge(arriving.getSnapshotId());
          reference.acknowledge(arriving.getSnapshotId());
        }
      }
    }
  }
}
