package org.bluemarble.protocol.udp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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

/**
 * Cost of sealing and opening one UDP payload packet: {@code seal}/{@code open} run the wire's
 * {@link Aead} (Bouncy Castle ChaCha20-Poly1305), {@code jdkSeal}/{@code jdkOpen} the JDK 17 cipher
 * it replaced ({@link JdkAead}), on the same packets.
 */
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
  private final JdkAead jdk = new JdkAead();
  private final byte[] aad = {0, 0, 0, 0, 0, 0, 0, 1, 4};
  private final byte[] key = ConnectTokenIssuer.generateKey();
  private byte[] plain;
  private byte[][] sealed;
  private long sequence;
  private int next;
  private final Cipher aesGcm = aesGcmCipher();
  private final SecretKeySpec aesKey = new SecretKeySpec(key, "AES");

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

  /** Seals one packet the way the wire did before issue 14 (the JDK cipher). */
  @Benchmark
  public byte[] jdkSeal() {
    long seq = ++sequence;
    byte[] out = new byte[UdpWire.HEADER_BYTES + plain.length + Aead.TAG_BYTES];
    jdk.seal(key, Aead.sequenceNonce(seq), aad, plain, 0, plain.length, out, UdpWire.HEADER_BYTES);
    return out;
  }

  /** Opens one packet with the JDK cipher. */
  @Benchmark
  public byte[] jdkOpen() {
    byte[] packet = sealed[next];
    next = (next + 1) % sealed.length;
    return jdk.open(
        key,
        Aead.sequenceNonce(UdpWire.sequence(packet)),
        aad,
        packet,
        UdpWire.HEADER_BYTES,
        packet.length - UdpWire.HEADER_BYTES);
  }

  /**
   * Seals one packet with the JDK's AES-256-GCM (AES-NI and CLMUL intrinsics), for comparison only:
   * the wire uses ChaCha20-Poly1305, and switching would change the protocol.
   */
  @Benchmark
  public byte[] aesGcmSeal() {
    long seq = ++sequence;
    byte[] out = new byte[UdpWire.HEADER_BYTES + plain.length + Aead.TAG_BYTES];
    try {
      aesGcm.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, Aead.sequenceNonce(seq)));
      aesGcm.updateAAD(aad);
      aesGcm.doFinal(plain, 0, plain.length, out, UdpWire.HEADER_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static Cipher aesGcmCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs this benchmark; with {@code --cpu}, instead measures thread CPU time per operation of both
   * ciphers in alternating rounds, which a loaded machine distorts far less than JMH's wall time.
   */
  public static void main(String[] args) throws RunnerException {
    if (args.length > 0 && args[0].equals("--cpu")) {
      cpuPerOperation(Integer.parseInt(args.length > 1 ? args[1] : "20000"));
      return;
    }
    new Runner(new OptionsBuilder().include(PacketCryptoBenchmark.class.getSimpleName()).build())
        .run();
  }

  private static void cpuPerOperation(int operations) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"seal", "open", "jdkSeal", "jdkOpen", "aesGcmSeal"};
    for (int size : new int[] {40, 200, 1100}) {
      PacketCryptoBenchmark b = new PacketCryptoBenchmark();
      b.size = size;
      b.setUp();
      long[] best = new long[names.length];
      Arrays.fill(best, Long.MAX_VALUE);
      long sink = 0;
      for (int round = 0; round < 12; round++) {
        for (int op = 0; op < names.length; op++) {
          long start = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < operations; i++) {
            byte[] r =
                switch (op) {
                  case 0 -> b.seal();
                  case 1 -> b.open();
                  case 2 -> b.jdkSeal();
                  case 3 -> b.jdkOpen();
                  default -> b.aesGcmSeal();
                };
            sink += r.length;
          }
          long used = threads.getCurrentThreadCpuTime() - start;
          if (round >= 4) {
            best[op] = Math.min(best[op], used);
          }
        }
      }
      StringBuilder line =
          new StringBuilder("size " + size + " B, CPU us per packet (best round):");
      for (int op = 0; op < names.length; op++) {
        line.append(String.format(" %s %.2f", names[op], best[op] / 1_000.0 / operations));
      }
      System.out.println(line + (sink == 42 ? " " : ""));
    }
  }
}
