package org.bluemarble.protocol.udp;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** Cost of sealing and opening one UDP payload packet (ChaCha20-Poly1305 from the JDK). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PacketCryptoBenchmark {

  /** Plaintext size in bytes: a small input, a snapshot, a full fragment. */
  @Param({"40", "200", "1100"})
  public int size;

  private final Aead aead = new Aead();
  private final byte[] key = ConnectTokenIssuer.generateKey();
  private byte[] plain;
  private byte[][] sealed;
  private long sequence;
  private int next;

  /** Prepares sealed packets with distinct sequences, as real traffic has. */
  @Setup
  public void setUp() {
    plain = new byte[size];
    sealed = new byte[1_024][];
    for (int i = 0; i < sealed.length; i++) {
      sealed[i] = UdpWire.seal(aead, 1L, PacketType.PAYLOAD, i, key, plain, 0, plain.length);
    }
  }

  /** Seals one packet (sequence advances so nonces never repeat). */
  @Benchmark
  public byte[] seal() {
    return UdpWire.seal(aead, 1L, PacketType.PAYLOAD, ++sequence, key, plain, 0, plain.length);
  }

  /** Opens (authenticates and decrypts) one packet. */
  @Benchmark
  public byte[] open() {
    byte[] packet = sealed[next];
    next = (next + 1) % sealed.length;
    return UdpWire.open(aead, 1L, PacketType.PAYLOAD, key, packet, packet.length);
  }

  /** Runs this benchmark. */
  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(PacketCryptoBenchmark.class.getSimpleName()).build())
        .run();
  }
}
