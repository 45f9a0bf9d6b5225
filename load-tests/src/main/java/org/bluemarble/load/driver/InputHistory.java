package org.bluemarble.load.driver;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.bluemarble.load.scenario.Sphere;

/**
 * The last {@link #SIZE} inputs of one bot: when each was sent and where the bot's predicted
 * position was right after it. Written by the bot's input thread, read by the I/O threads of the
 * bot itself (acks) and of its observers (snapshots). A slot is valid only while its sequence stamp
 * still names the sequence asked for, so a reader racing the writer gets "unknown", never a wrong
 * time.
 *
 * <p>Observer matching: the server moves a bot by exactly one 0.1 s step per input (the shared
 * integrator), so after input k the authoritative position equals the predicted position after k.
 * At 5 m/s consecutive positions are 0.5 m apart, so the newest input whose position lies within
 * {@link #MATCH_M} of what an observer sees is the input the observer is looking at.
 */
public final class InputHistory {

  /** Inputs remembered (25.6 s at 10 Hz: round trips longer than that are counted, not timed). */
  public static final int SIZE = 256;

  /** What {@link #sentAt} returns for an input it no longer (or never) knew. */
  public static final long UNKNOWN = Long.MIN_VALUE;

  /** Horizontal distance (m) within which an observed position matches an input's position. */
  public static final double MATCH_M = 0.2;

  /** Heading quanta added to input {@code seq}'s heading: distinct for 16 consecutive inputs. */
  public static int signature(int seq) {
    return (seq & 15) * 3;
  }

  private final long[] sentNanos = new long[SIZE];
  private final int[] heading = new int[SIZE];
  private final double[] lat = new double[SIZE];
  private final double[] lng = new double[SIZE];
  private final AtomicIntegerArray timeSeq = new AtomicIntegerArray(SIZE);
  private final AtomicIntegerArray posSeq = new AtomicIntegerArray(SIZE);
  private volatile int newest;
  private volatile int newestSent;

  /**
   * Records that input {@code seq} asking for {@code headingQ} (1/65536 turn) leaves now; call just
   * before sending it.
   */
  public void sent(int seq, long nanos, int headingQ) {
    int slot = seq & (SIZE - 1);
    timeSeq.set(slot, 0);
    posSeq.set(slot, 0);
    sentNanos[slot] = nanos;
    heading[slot] = headingQ;
    timeSeq.set(slot, seq);
    newestSent = seq;
  }

  /** Records the predicted position right after input {@code seq}. */
  public void positioned(int seq, double latDeg, double lngDeg) {
    int slot = seq & (SIZE - 1);
    lat[slot] = latDeg;
    lng[slot] = lngDeg;
    posSeq.set(slot, seq);
    newest = seq;
  }

  /** The newest input with a recorded position, 0 before the first. */
  public int newest() {
    return newest;
  }

  /** When input {@code seq} was sent (System.nanoTime), or {@link #UNKNOWN}. */
  public long sentAt(int seq) {
    int slot = seq & (SIZE - 1);
    long t = sentNanos[slot];
    return seq > 0 && timeSeq.get(slot) == seq ? t : UNKNOWN;
  }

  /**
   * The newest input after {@code afterSeq} that asked for {@code headingQ} (±1 quantum), or 0 when
   * none did: searched from the newest input backwards.
   */
  public int matchHeading(int headingQ, int afterSeq) {
    int top = newestSent;
    int bottom = Math.max(afterSeq + 1, top - SIZE + 1);
    for (int seq = top; seq >= bottom && seq > 0; seq--) {
      int slot = seq & (SIZE - 1);
      int h = heading[slot];
      if (timeSeq.get(slot) != seq) {
        continue;
      }
      int diff = Math.abs((h - headingQ) & 0xFFFF);
      if (Math.min(diff, 0x10000 - diff) <= 1) {
        return seq;
      }
    }
    return 0;
  }

  /**
   * The newest input after {@code afterSeq} whose position is within {@link #MATCH_M} of {@code
   * (latDeg, lngDeg)}, or 0 when none is: searched from the newest input backwards.
   */
  public int match(double latDeg, double lngDeg, int afterSeq) {
    int top = newest;
    int bottom = Math.max(afterSeq + 1, top - SIZE + 1);
    for (int seq = top; seq >= bottom && seq > 0; seq--) {
      int slot = seq & (SIZE - 1);
      double a = lat[slot];
      double b = lng[slot];
      if (posSeq.get(slot) != seq) {
        continue;
      }
      if (Sphere.distanceM(a, b, latDeg, lngDeg, Sphere.EARTH_RADIUS_M) <= MATCH_M) {
        return seq;
      }
    }
    return 0;
  }
}
