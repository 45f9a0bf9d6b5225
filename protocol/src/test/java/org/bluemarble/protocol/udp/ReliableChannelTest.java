package org.bluemarble.protocol.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bluemarble.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReliableChannelTest {

  /** Runs two channels over seeded lossy links until everything sent was delivered. */
  private static List<byte[]> transfer(
      List<byte[]> messages, double loss, long seed, SimulatedLink[] linksOut) {
    Random random = new Random(seed);
    ReliableChannel a = new ReliableChannel();
    ReliableChannel b = new ReliableChannel();
    SimulatedLink ab = new SimulatedLink(random, loss);
    SimulatedLink ba = new SimulatedLink(random, loss);
    linksOut[0] = ab;
    List<byte[]> delivered = new ArrayList<>();
    int next = 0;
    for (long now = 0; now < 600_000; now += 10) {
      // The application sends a few messages per tick, as a game would.
      for (int k = 0; k < 3 && next < messages.size(); k++) {
        a.send(messages.get(next++));
      }
      for (byte[] p : a.pollPackets(now)) {
        ab.send(p, now);
      }
      for (byte[] p : b.pollPackets(now)) {
        ba.send(p, now);
      }
      for (byte[] p : ab.arrivals(now)) {
        b.onPacket(p, 0, p.length, now);
      }
      for (byte[] p : ba.arrivals(now)) {
        a.onPacket(p, 0, p.length, now);
      }
      delivered.addAll(b.pollReceived());
      if (next == messages.size() && !a.hasPending() && delivered.size() >= messages.size()) {
        break;
      }
    }
    return delivered;
  }

  private static List<byte[]> messages(long seed, int n, int maxBytes) {
    Random random = new Random(seed);
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] m = new byte[1 + random.nextInt(maxBytes)];
      random.nextBytes(m);
      m[0] = (byte) i;
      out.add(m);
    }
    return out;
  }

  @ParameterizedTest(name = "loss {0}, seed {1}")
  @CsvSource({"0.0, 1", "0.1, 2", "0.1, 3", "0.3, 4", "0.3, 5"})
  void deliversEveryMessageExactlyOnceInOrderDespiteLossAndReordering(double loss, long seed) {
    List<byte[]> sent = messages(seed, 300, 3_000);
    SimulatedLink[] link = new SimulatedLink[1];
    List<byte[]> delivered = transfer(sent, loss, seed, link);
    assertThat(delivered).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(delivered.get(i)).as("message %d", i).isEqualTo(sent.get(i));
    }
    if (loss > 0) {
      assertThat(link[0].dropped).isPositive();
    }
  }

  @Test
  void fragmentsATenKilobyteMessageIntoDatagramsOfAtMost1200Bytes() {
    byte[] big = new byte[10_240];
    new Random(9).nextBytes(big);
    SimulatedLink[] link = new SimulatedLink[1];
    List<byte[]> delivered = transfer(List.of(big), 0.1, 9, link);
    assertThat(delivered).containsExactly(big);
    assertThat(link[0].sent).isGreaterThanOrEqualTo(10);
    int datagram = link[0].largest + UdpWire.HEADER_BYTES + 16;
    assertThat(datagram).isLessThanOrEqualTo(UdpWire.MAX_DATAGRAM_BYTES);
  }

  @Test
  void sendsAnAckOnlyPacketWhenItHasNothingElseToSay() {
    ReliableChannel a = new ReliableChannel();
    ReliableChannel b = new ReliableChannel();
    a.send(new byte[] {1});
    byte[] p = a.pollPackets(0).get(0);
    b.onPacket(p, 0, p.length, 0);
    List<byte[]> acks = b.pollPackets(30);
    assertThat(acks).hasSize(1);
    a.onPacket(acks.get(0), 0, acks.get(0).length, 30);
    assertThat(a.hasPending()).isFalse();
    assertThat(a.srttMs()).isEqualTo(30.0);
    assertThat(b.pollPackets(40)).isEmpty();
  }

  @Test
  void rejectsMalformedPacketsWithProtocolException() {
    ReliableChannel channel = new ReliableChannel();
    byte[] truncated = {Channels.RELIABLE, 0, 0};
    assertThatThrownBy(() -> channel.onPacket(truncated, 0, truncated.length, 0))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> channel.send(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] packetOf(ReliablePacket.Fragment... fragments) {
    return ReliablePacket.encode(0, -1, 0, List.of(fragments));
  }

  @Test
  void refusesAFragmentAnnouncingMoreFragmentsThanTheLargestMessageNeeds() {
    ReliableChannel channel = new ReliableChannel();
    byte[] ok = packetOf(new ReliablePacket.Fragment(0, 0, 256, new byte[10]));
    channel.onPacket(ok, 0, ok.length, 0);
    byte[] tooMany = packetOf(new ReliablePacket.Fragment(1, 1, 65_535, new byte[10]));
    assertThatThrownBy(() -> channel.onPacket(tooMany, 0, tooMany.length, 0))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("65535 fragments");
    assertThat(ReliableChannel.MAX_MESSAGE_FRAGMENTS * ReliableChannel.MAX_FRAGMENT_BYTES)
        .isEqualTo(ReliableChannel.MAX_MESSAGE_BYTES);
  }

  @Test
  void refusesAFragmentCountThatChangesWithinAMessage() {
    ReliableChannel channel = new ReliableChannel();
    byte[] first = packetOf(new ReliablePacket.Fragment(0, 0, 2, new byte[10]));
    channel.onPacket(first, 0, first.length, 0);
    // Index 1 of "2" would end the message; announcing 200 instead would keep it growing.
    byte[] changed = packetOf(new ReliablePacket.Fragment(1, 1, 200, new byte[10]));
    assertThatThrownBy(() -> channel.onPacket(changed, 0, changed.length, 0))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("fragments in a message of 2");
    assertThat(channel.pollReceived()).isEmpty();
  }

  @Test
  void resendsEachFragmentOneTimeoutAfterItsOwnLastSendAndNothingBefore() {
    ReliableChannel a = new ReliableChannel();
    long rto = a.rtoMs();
    a.send(new byte[] {1});
    assertThat(a.pollPackets(0)).hasSize(1);
    a.send(new byte[] {2});
    assertThat(a.pollPackets(rto / 2)).hasSize(1);
    // Nothing is due before the first fragment's timeout, however often the owner polls.
    for (long t = rto / 2 + 1; t < rto; t += 7) {
      assertThat(a.pollPackets(t)).isEmpty();
    }
    assertThat(a.resends()).isZero();
    List<byte[]> first = a.pollPackets(rto);
    assertThat(first).hasSize(1);
    assertThat(ReliablePacket.parse(first.get(0), 0, first.get(0).length).fragments())
        .extracting(ReliablePacket.Fragment::sequence)
        .containsExactly(0);
    assertThat(a.pollPackets(rto + rto / 2 - 1)).isEmpty();
    List<byte[]> second = a.pollPackets(rto + rto / 2);
    assertThat(ReliablePacket.parse(second.get(0), 0, second.get(0).length).fragments())
        .extracting(ReliablePacket.Fragment::sequence)
        .containsExactly(1);
    assertThat(a.resends()).isEqualTo(2);
    // Both go again one timeout after their resends, in one packet once the times meet.
    assertThat(a.pollPackets(2 * rto + rto / 2))
        .flatExtracting(p -> ReliablePacket.parse(p, 0, p.length).fragments())
        .extracting(f -> ((ReliablePacket.Fragment) f).sequence())
        .containsExactly(0, 1);
  }
}
