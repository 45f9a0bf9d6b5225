package org.bluemarble.protocol.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bluemarble.protocol.ProtocolException;
import org.bluemarble.protocol.v1.Snapshot;
import org.junit.jupiter.api.Test;

class SnapshotCodecTest {

  @Property(tries = 200)
  void decodeOfEncodeAgainstAckedBaselineIsTheQuantisedState(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int entities) {
    SnapshotWorld world = new SnapshotWorld(seed, entities);
    Random random = world.random();
    SnapshotEncoder encoder = new SnapshotEncoder();
    SnapshotDecoder decoder = new SnapshotDecoder();
    for (int tick = 0; tick < 20; tick++) {
      world.step(random.nextInt(4) == 0 ? random.nextDouble() * 500 : 0.25);
      if (random.nextInt(5) == 0) {
        world.spawn();
      }
      if (random.nextInt(5) == 0) {
        world.despawnOne();
      }
      List<EntityState> visible = world.states();
      Snapshot snapshot = encoder.encode(world.viewer(), visible, tick, 1_000_000);
      boolean lost = random.nextInt(4) == 0;
      if (!lost) {
        assertThat(decoder.decode(snapshot)).isEqualTo(SnapshotState.of(visible));
        if (random.nextBoolean()) {
          encoder.acknowledge(snapshot.getSnapshotId());
        }
      }
    }
  }

  @Property(tries = 100)
  void underABudgetThePayloadFitsAndTheClientHoldsWhatTheServerRecorded(
      @ForAll long seed, @ForAll @IntRange(min = 16, max = 300) int budget) {
    SnapshotWorld world = new SnapshotWorld(seed, 60);
    SnapshotEncoder encoder = new SnapshotEncoder();
    SnapshotDecoder decoder = new SnapshotDecoder();
    for (int tick = 0; tick < 10; tick++) {
      world.step(0.25);
      Snapshot snapshot = encoder.encode(world.viewer(), world.states(), tick, budget);
      assertThat(snapshot.getPayload().size()).isLessThanOrEqualTo(budget);
      assertThat(decoder.decode(snapshot)).isEqualTo(encoder.sentState(snapshot.getSnapshotId()));
      encoder.acknowledge(snapshot.getSnapshotId());
    }
  }

  @Test
  void nearestEntitiesGoFirstAndDeferredOnesAreNotStarved() {
    SnapshotWorld world = new SnapshotWorld(3, 60);
    EntityState viewer = world.viewer();
    SnapshotEncoder encoder = new SnapshotEncoder();
    SnapshotDecoder decoder = new SnapshotDecoder();
    List<EntityState> visible = world.states();
    Snapshot first = encoder.encode(viewer, visible, 1, 200);
    SnapshotState got = decoder.decode(first);
    assertThat(got.size()).isBetween(1, 59);
    double farthestSent = 0;
    for (EntityState e : got.entities()) {
      farthestSent = Math.max(farthestSent, viewer.distanceSquaredCm(e));
    }
    for (EntityState e : visible) {
      if (got.find(e.entityId()) == null) {
        assertThat(viewer.distanceSquaredCm(e)).isGreaterThanOrEqualTo(farthestSent);
      }
    }
    encoder.acknowledge(first.getSnapshotId());
    for (int i = 0; i < 10; i++) {
      Snapshot next = encoder.encode(viewer, visible, 2 + i, 200);
      decoder.decode(next);
      encoder.acknowledge(next.getSnapshotId());
    }
    assertThat(decoder.latest()).isEqualTo(SnapshotState.of(visible));
  }

  @Test
  void fiftyWalkingEntitiesCostLessThanFourBytesEach() {
    SnapshotWorld world = new SnapshotWorld(11, 50);
    SnapshotEncoder encoder = new SnapshotEncoder();
    encoder.acknowledge(encoder.encode(world.viewer(), world.states(), 0, 100_000).getSnapshotId());
    world.step(0.25);
    Snapshot delta = encoder.encode(world.viewer(), world.states(), 1, 100_000);
    assertThat(delta.getBaselineId()).isEqualTo(1);
    assertThat(delta.getPayload().size()).isLessThan(50 * 4);
  }

  @Test
  void randomPayloadsFailOnlyWithProtocolException() {
    Random random = new Random(5);
    SnapshotWorld world = new SnapshotWorld(5, 10);
    SnapshotEncoder encoder = new SnapshotEncoder();
    SnapshotDecoder decoder = new SnapshotDecoder();
    Snapshot base = encoder.encode(world.viewer(), world.states(), 0, 10_000);
    decoder.decode(base);
    int rejected = 0;
    for (int i = 0; i < 5_000; i++) {
      byte[] payload = new byte[random.nextInt(40)];
      random.nextBytes(payload);
      Snapshot bad =
          Snapshot.newBuilder()
              .setSnapshotId(2 + i)
              .setBaselineId(random.nextBoolean() ? 1 : 0)
              .setPayload(com.google.protobuf.ByteString.copyFrom(payload))
              .build();
      try {
        decoder.decode(bad);
      } catch (ProtocolException e) {
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThan(0);
  }

  @Property(tries = 500)
  void quantisedPositionsAreWithinOneCentimetre(
      @ForAll("latitudes") double lat, @ForAll("longitudes") double lng) {
    Quantiser q = new Quantiser(SnapshotWorld.RADIUS_M);
    EntityState s = q.quantise(1, lat, lng, 0, 0);
    double r = SnapshotWorld.RADIUS_M;
    double la = Math.toRadians(lat);
    double ln = Math.toRadians(lng);
    double dx = r * Math.cos(la) * Math.cos(ln) - s.xCm() / 100.0;
    double dy = r * Math.cos(la) * Math.sin(ln) - s.yCm() / 100.0;
    double dz = r * Math.sin(la) - s.zCm() / 100.0;
    assertThat(Math.sqrt(dx * dx + dy * dy + dz * dz)).isLessThanOrEqualTo(0.01);
    assertThat(Math.abs(q.altM(s))).isLessThan(0.01);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Double> latitudes() {
    return net.jqwik.api.Arbitraries.doubles().between(-90, 90);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Double> longitudes() {
    return net.jqwik.api.Arbitraries.doubles().between(-180, 180);
  }

  @Test
  void headingsQuantiseToSixtyFiveThousandFiveHundredThirtySixthsOfATurn() {
    assertThat(Quantiser.quantiseHeading(90)).isEqualTo(16384);
    assertThat(Quantiser.quantiseHeading(-90)).isEqualTo(49152);
    assertThat(Quantiser.quantiseHeading(360)).isZero();
    assertThat(Quantiser.headingDeg(32768)).isEqualTo(180.0);
  }
}
