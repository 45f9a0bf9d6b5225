package org.bluemarble.protocol.udp;

/**
 * Rejects duplicate and too-old 64-bit packet sequences. Remembers the last {@link #SIZE} sequences
 * below the highest one seen; anything older is rejected as too old.
 *
 * <p>Check with {@link #isAcceptable(long)} before the (costly) decryption and call {@link
 * #markReceived(long)} only after the packet authenticated, so forged packets cannot poison it.
 */
public final class ReplayWindow {

  /** Number of sequences remembered. */
  public static final int SIZE = 256;

  private final long[] received = new long[SIZE];
  private long highest = -1;

  /** A window that has seen nothing. */
  public ReplayWindow() {
    java.util.Arrays.fill(received, -1);
  }

  /** Whether a packet with this sequence may be new: not seen and not older than the window. */
  public boolean isAcceptable(long sequence) {
    if (sequence < 0) {
      return false;
    }
    if (highest >= 0 && sequence + SIZE <= highest) {
      return false;
    }
    return received[(int) (sequence % SIZE)] != sequence;
  }

  /** Records an authenticated packet's sequence. */
  public void markReceived(long sequence) {
    received[(int) (sequence % SIZE)] = sequence;
    if (sequence > highest) {
      highest = sequence;
    }
  }
}
