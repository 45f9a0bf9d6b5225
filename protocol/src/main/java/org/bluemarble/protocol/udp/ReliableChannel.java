package org.bluemarble.protocol.udp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reliable, ordered delivery of messages over the unreliable packets of a UDP connection. Pure
 * logic: the owner feeds received channel packets to {@link #onPacket}, sends what {@link
 * #pollPackets} returns (as PAYLOAD packets) and reads messages from {@link #pollReceived}. One per
 * direction pair; not thread-safe.
 *
 * <p>Messages are cut into fragments of at most {@link #MAX_FRAGMENT_BYTES}; every fragment has a
 * sequence number and is resent after an RTT-based timeout until acknowledged (the owner calls
 * {@link #pollPackets} on a clock, so resends never wait for new traffic; the timeout does not back
 * off: a game wants the data late rather than never, and a peer that falls behind is disconnected
 * by the owner's bound on queued fragments instead). Each packet acknowledges: everything below a
 * cumulative sequence, the newest fragment received and the 32 before it (ack bits). The same
 * acknowledgement rides on every unreliable message ({@link #unreliable}); an ack-only packet goes
 * out only when nothing carried the ack for {@link #ACK_DELAY_MS}. The receiver buffers
 * out-of-order fragments (up to {@link #WINDOW}), delivers whole messages in order and drops
 * duplicates. Layout in {@link ReliablePacket}.
 */
public final class ReliableChannel {

  /**
   * Payload bytes of one fragment; a full packet stays within {@link UdpWire#MAX_PAYLOAD_BYTES}.
   */
  public static final int MAX_FRAGMENT_BYTES = 1_024;

  /** Fragments in flight or buffered at most (bounds memory on both sides). */
  public static final int WINDOW = 1_024;

  /**
   * Fragments one message may have: what {@link #MAX_MESSAGE_BYTES} needs. A received fragment
   * announcing more is malformed, so reassembly never holds more than one largest message.
   */
  public static final int MAX_MESSAGE_FRAGMENTS = 256;

  /** The largest message accepted by {@link #send} (and reassembled on receipt). */
  public static final int MAX_MESSAGE_BYTES = MAX_MESSAGE_FRAGMENTS * MAX_FRAGMENT_BYTES;

  /** How long an owed acknowledgement waits for a packet to ride on before it goes alone. */
  public static final long ACK_DELAY_MS = 20;

  /** Upper bound of the retransmission timeout. */
  public static final long MAX_RTO_MS = 2_000;

  private static final long INITIAL_RTO_MS = 200;
  private static final long MIN_RTO_MS = 30;

  private final ArrayDeque<ReliablePacket.Fragment> unsent = new ArrayDeque<>();
  private final TreeMap<Integer, InFlight> inFlight = new TreeMap<>();
  private final TreeMap<Integer, ReliablePacket.Fragment> buffered = new TreeMap<>();
  private final List<byte[]> assembling = new ArrayList<>();
  // Fragment count announced by the first fragment of the message being reassembled.
  private int assemblingCount;
  private final ArrayDeque<byte[]> received = new ArrayDeque<>();
  private int nextSendSequence;
  private int nextExpected;
  private int newestReceived = -1;
  private boolean ackOwed;
  private long ackOwedSinceMs;
  private long acksPiggybacked;
  private long ackOnlyPackets;
  private long fragmentsAcked;
  private long ackDelayTotalMs;
  private long maxAckDelayMs;
  private double srttMs = -1;
  private double rttVarMs;
  private long rtoMs = INITIAL_RTO_MS;
  // No fragment in flight was last sent before this (a lower bound: acknowledgements only raise the
  // true value), so pollPackets walks the in-flight fragments only when a resend may be due.
  private long oldestSentMs;
  private long resends;

  /** Queues a message (1 .. {@link #MAX_MESSAGE_BYTES} bytes) for reliable delivery. */
  public void send(byte[] message) {
    if (message.length == 0 || message.length > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "message must be 1.." + MAX_MESSAGE_BYTES + " bytes, was " + message.length);
    }
    int count = (message.length + MAX_FRAGMENT_BYTES - 1) / MAX_FRAGMENT_BYTES;
    for (int i = 0; i < count; i++) {
      int from = i * MAX_FRAGMENT_BYTES;
      int to = Math.min(message.length, from + MAX_FRAGMENT_BYTES);
      byte[] data = Arrays.copyOfRange(message, from, to);
      unsent.add(new ReliablePacket.Fragment(nextSendSequence++, i, count, data));
    }
  }

  /**
   * Handles one received reliable-channel packet.
   *
   * @throws org.bluemarble.protocol.ProtocolException when the packet is malformed
   */
  public void onPacket(byte[] data, int offset, int length, long nowMs) {
    ReliablePacket packet = ReliablePacket.parse(data, offset, length);
    onAcks(packet, nowMs);
    for (ReliablePacket.Fragment f : packet.fragments()) {
      owe(nowMs);
      int seq = f.sequence();
      if (seq < nextExpected || seq >= nextExpected + WINDOW || buffered.containsKey(seq)) {
        continue;
      }
      buffered.put(seq, f);
      newestReceived = Math.max(newestReceived, seq);
    }
    deliver();
  }

  /**
   * Frames an unreliable message with this channel's acknowledgement in front (see {@link
   * Channels#ACKED_UNRELIABLE}), which settles an owed ack; a message too large for that frame goes
   * as a plain unreliable one.
   */
  public byte[] unreliable(byte[] message) {
    if (message.length > Channels.MAX_ACKED_UNRELIABLE_BYTES) {
      return Channels.unreliable(message);
    }
    if (ackOwed) {
      acksPiggybacked++;
      ackOwed = false;
    }
    return Channels.ackedUnreliable(nextExpected, newestReceived, ackBits(), message);
  }

  /**
   * Handles a received {@link Channels#ACKED_UNRELIABLE} payload: applies its acknowledgement and
   * returns the message it carries.
   *
   * @throws org.bluemarble.protocol.ProtocolException when the payload is malformed
   */
  public byte[] onAckedUnreliable(byte[] payload, long nowMs) {
    ReliablePacket acks = Channels.ackedHeader(payload);
    onAcks(acks, nowMs);
    return Channels.ackedMessage(payload);
  }

  /** Datagram payloads to send now: resends that are due, new fragments, or a delayed ack. */
  public List<byte[]> pollPackets(long nowMs) {
    boolean ackDue = ackOwed && nowMs - ackOwedSinceMs >= ACK_DELAY_MS;
    boolean resendDue = !inFlight.isEmpty() && nowMs - oldestSentMs >= rtoMs;
    if (!resendDue && unsent.isEmpty() && !ackDue) {
      // The common case on the owner's clock: nothing to send, nothing walked, nothing allocated.
      return List.of();
    }
    List<ReliablePacket.Fragment> due = new ArrayList<>();
    if (resendDue) {
      long oldest = Long.MAX_VALUE;
      for (InFlight f : inFlight.values()) {
        if (nowMs - f.lastSentMs >= rtoMs) {
          f.lastSentMs = nowMs;
          f.sends++;
          resends++;
          due.add(f.fragment);
        }
        oldest = Math.min(oldest, f.lastSentMs);
      }
      oldestSentMs = oldest;
    }
    if (due.isEmpty() && unsent.isEmpty() && !ackDue) {
      return List.of();
    }
    int windowEnd = (inFlight.isEmpty() ? nextUnsentSequence() : inFlight.firstKey()) + WINDOW;
    while (!unsent.isEmpty() && unsent.peek().sequence() < windowEnd) {
      ReliablePacket.Fragment f = unsent.poll();
      oldestSentMs = inFlight.isEmpty() ? nowMs : Math.min(oldestSentMs, nowMs);
      inFlight.put(f.sequence(), new InFlight(f, nowMs));
      due.add(f);
    }
    List<byte[]> packets = new ArrayList<>();
    List<ReliablePacket.Fragment> batch = new ArrayList<>();
    int size = ReliablePacket.HEADER_BYTES;
    for (ReliablePacket.Fragment f : due) {
      int fragmentSize = ReliablePacket.FRAGMENT_HEADER_BYTES + f.data().length;
      if (size + fragmentSize > UdpWire.MAX_PAYLOAD_BYTES || batch.size() == 255) {
        packets.add(encode(batch));
        batch.clear();
        size = ReliablePacket.HEADER_BYTES;
      }
      batch.add(f);
      size += fragmentSize;
    }
    if (!batch.isEmpty() || packets.isEmpty()) {
      if (batch.isEmpty()) {
        ackOnlyPackets++;
      } else if (ackOwed) {
        acksPiggybacked++;
      }
      packets.add(encode(batch));
    }
    ackOwed = false;
    return packets;
  }

  /** Returns and clears the messages delivered in order so far. */
  public List<byte[]> pollReceived() {
    List<byte[]> out = new ArrayList<>(received);
    received.clear();
    return out;
  }

  /** Whether some sent fragment is not yet acknowledged (or not yet sent). */
  public boolean hasPending() {
    return !unsent.isEmpty() || !inFlight.isEmpty();
  }

  /** Fragments queued or in flight: how far the peer is behind. */
  public int queuedFragments() {
    return unsent.size() + inFlight.size();
  }

  /** Current retransmission timeout in ms. */
  public long rtoMs() {
    return rtoMs;
  }

  /** Smoothed round-trip time in ms, or -1 before the first sample. */
  public double srttMs() {
    return srttMs;
  }

  /** How many fragment resends happened so far. */
  public long resends() {
    return resends;
  }

  /** Acknowledgements that rode on a reliable or unreliable packet sent anyway. */
  public long acksPiggybacked() {
    return acksPiggybacked;
  }

  /** Packets sent only to acknowledge. */
  public long ackOnlyPackets() {
    return ackOnlyPackets;
  }

  /** Fragments acknowledged so far. */
  public long fragmentsAcked() {
    return fragmentsAcked;
  }

  /** Mean time from a fragment's first send to its acknowledgement, in ms (0 before any). */
  public double meanAckDelayMs() {
    return fragmentsAcked == 0 ? 0 : (double) ackDelayTotalMs / fragmentsAcked;
  }

  /** Longest time from a fragment's first send to its acknowledgement, in ms. */
  public long maxAckDelayMs() {
    return maxAckDelayMs;
  }

  private void owe(long nowMs) {
    if (!ackOwed) {
      ackOwed = true;
      ackOwedSinceMs = nowMs;
    }
  }

  private int nextUnsentSequence() {
    return unsent.isEmpty() ? nextSendSequence : unsent.peek().sequence();
  }

  private byte[] encode(List<ReliablePacket.Fragment> fragments) {
    return ReliablePacket.encode(nextExpected, newestReceived, ackBits(), fragments);
  }

  private int ackBits() {
    int ackBits = 0;
    for (int i = 0; i < 32; i++) {
      int seq = newestReceived - 1 - i;
      if (seq >= 0 && (seq < nextExpected || buffered.containsKey(seq))) {
        ackBits |= 1 << i;
      }
    }
    return ackBits;
  }

  private void onAcks(ReliablePacket packet, long nowMs) {
    Iterator<Map.Entry<Integer, InFlight>> below =
        inFlight.headMap(packet.cumulativeAck(), false).entrySet().iterator();
    while (below.hasNext()) {
      acknowledged(below.next().getValue(), nowMs);
      below.remove();
    }
    int newest = packet.newestReceived();
    if (newest >= 0) {
      ackOne(newest, nowMs);
      for (int i = 0; i < 32; i++) {
        if ((packet.ackBits() & (1 << i)) != 0) {
          ackOne(newest - 1 - i, nowMs);
        }
      }
    }
  }

  private void ackOne(int sequence, long nowMs) {
    InFlight f = inFlight.remove(sequence);
    if (f != null) {
      acknowledged(f, nowMs);
    }
  }

  private void acknowledged(InFlight f, long nowMs) {
    long delay = nowMs - f.firstSentMs;
    fragmentsAcked++;
    ackDelayTotalMs += delay;
    maxAckDelayMs = Math.max(maxAckDelayMs, delay);
    if (f.sends == 1) {
      double sample = nowMs - f.lastSentMs;
      if (srttMs < 0) {
        srttMs = sample;
        rttVarMs = sample / 2;
      } else {
        rttVarMs = 0.75 * rttVarMs + 0.25 * Math.abs(srttMs - sample);
        srttMs = 0.875 * srttMs + 0.125 * sample;
      }
      rtoMs = Math.max(MIN_RTO_MS, Math.min(MAX_RTO_MS, Math.round(srttMs + 4 * rttVarMs)));
    }
  }

  private void deliver() {
    ReliablePacket.Fragment f;
    while ((f = buffered.remove(nextExpected)) != null) {
      nextExpected++;
      if (f.index() != assembling.size()) {
        throw ReliablePacket.malformed("fragment " + f.sequence() + " is out of its message");
      }
      if (assembling.isEmpty()) {
        assemblingCount = f.count();
      } else if (f.count() != assemblingCount) {
        throw ReliablePacket.malformed(
            "fragment "
                + f.sequence()
                + " announces "
                + f.count()
                + " fragments in a message of "
                + assemblingCount);
      }
      assembling.add(f.data());
      if (f.index() == f.count() - 1) {
        int total = assembling.stream().mapToInt(b -> b.length).sum();
        byte[] message = new byte[total];
        int at = 0;
        for (byte[] part : assembling) {
          System.arraycopy(part, 0, message, at, part.length);
          at += part.length;
        }
        assembling.clear();
        received.add(message);
      }
    }
  }

  private static final class InFlight {
    final ReliablePacket.Fragment fragment;
    final long firstSentMs;
    long lastSentMs;
    int sends = 1;

    InFlight(ReliablePacket.Fragment fragment, long nowMs) {
      this.fragment = fragment;
      this.firstSentMs = nowMs;
      this.lastSentMs = nowMs;
    }
  }
}
