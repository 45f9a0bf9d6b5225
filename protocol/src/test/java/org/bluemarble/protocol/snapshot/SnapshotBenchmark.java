package org.bluemarble.protocol.snapshot;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bluemarble.protocol.v1.Envelope;
import org.bluemarble.protocol.v1.Snapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Snapshot cost for one player seeing 50 entities walking at 5 m/s, 20 snapshots per second. {@link
 * #main} prints the bandwidth (computed, not timed) and then runs the JMH encode/decode benchmarks.
 * Run: see protocol/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SnapshotBenchmark {

  static final int ENTITIES = 50;
  static final int HZ = 20;
  static final double WALK_MPS = 5.0;

  /** Datagram overhead per snapshot on UDP: packet header, AEAD tag, channel byte. */
  static final int UDP_OVERHEAD = 9 + 16 + 1;

  /** IPv4 + UDP headers, for the on-the-wire figure. */
  static final int IP_UDP_HEADERS = 28;

  /** Frames of the walking world, precomputed so only encoding is measured. */
  private static final int FRAMES = 1_024;

  private List<List<EntityState>> frames;
  private EntityState viewer;
  private int frame;
  private SnapshotEncoder encoder;
  private SnapshotDecoder decoder;
  private Snapshot last;

  /** Precomputed frames, one full snapshot acknowledged. */
  @Setup
  public void setUp() {
    SnapshotWorld world = new SnapshotWorld(7, ENTITIES);
    viewer = world.viewer();
    frames = new java.util.ArrayList<>();
    for (int i = 0; i < FRAMES; i++) {
      world.step(WALK_MPS / HZ);
      frames.add(world.states());
    }
    encoder = new SnapshotEncoder();
    decoder = new SnapshotDecoder();
    Snapshot first = encoder.encode(viewer, frames.get(0), 0, 1_000);
    decoder.decode(first);
    encoder.acknowledge(first.getSnapshotId());
    last = first;
  }

  /** Encodes the next frame as a delta against the previous one (the server's per-client cost). */
  @Benchmark
  public Snapshot encodeDelta() {
    frame = (frame + 1) % FRAMES;
    Snapshot s = encoder.encode(viewer, frames.get(frame), 0, 1_000);
    encoder.acknowledge(s.getSnapshotId());
    return s;
  }

  /** Decodes a delta of 50 walking entities (the client's cost). */
  @Benchmark
  public SnapshotState encodeAndDecodeDelta() {
    last = encodeDelta();
    return decoder.decode(last);
  }

  /** Prints bytes per second per player, then runs the JMH benchmarks. */
  public static void main(String[] args) throws RunnerException {
    printBandwidth();
    if (args.length == 0 || !args[0].equals("--bandwidth-only")) {
      new Runner(new OptionsBuilder().include(SnapshotBenchmark.class.getSimpleName()).build())
          .run();
    }
  }

  static void printBandwidth() {
    SnapshotWorld world = new SnapshotWorld(7, ENTITIES);
    SnapshotEncoder encoder = new SnapshotEncoder();
    int seconds = 60;
    long envelopeBytes = 0;
    long payloadBytes = 0;
    int acked = 0;
    for (int i = 0; i < seconds * HZ; i++) {
      world.step(WALK_MPS / HZ);
      List<EntityState> states = world.states();
      Snapshot s = encoder.encode(world.viewer(), states, i, 1_000);
      envelopeBytes += Envelope.newBuilder().setSnapshot(s).build().getSerializedSize();
      payloadBytes += s.getPayload().size();
      // The client's acknowledgement arrives one snapshot later (about 50 ms round trip).
      if (acked != 0) {
        encoder.acknowledge(acked);
      }
      acked = s.getSnapshotId();
    }
    int snapshots = seconds * HZ;
    double envelopePerSecond = envelopeBytes / (double) seconds;
    double udpPerSecond = envelopePerSecond + (double) UDP_OVERHEAD * HZ;
    double wirePerSecond = udpPerSecond + (double) IP_UDP_HEADERS * HZ;
    System.out.printf(
        "snapshot bandwidth, %d entities walking at %.1f m/s, %d Hz, %d s:%n",
        ENTITIES, WALK_MPS, HZ, seconds);
    System.out.printf(
        "  payload %.1f B/snapshot, envelope %.1f B/snapshot%n",
        payloadBytes / (double) snapshots, envelopeBytes / (double) snapshots);
    System.out.printf(
        "  per player: %.0f B/s envelopes, %.0f B/s UDP payload, %.0f B/s with IP+UDP headers%n",
        envelopePerSecond, udpPerSecond, wirePerSecond);
  }
}
