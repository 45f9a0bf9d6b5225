package org.bluemarble.protocol.udp;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/** A seeded lossy, reordering one-way link with a deterministic clock (ms). */
final class SimulatedLink {

  private record InTransit(long deliverAtMs, long order, byte[] bytes) {}

  private final Random random;
  private final double loss;
  private final PriorityQueue<InTransit> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.deliverAtMs != b.deliverAtMs
                  ? Long.compare(a.deliverAtMs, b.deliverAtMs)
                  : Long.compare(a.order, b.order));
  private long order;
  long sent;
  long dropped;
  int largest;

  SimulatedLink(Random random, double loss) {
    this.random = random;
    this.loss = loss;
  }

  /** Sends with 20..80 ms latency, so later packets often overtake earlier ones. */
  void send(byte[] bytes, long nowMs) {
    sent++;
    largest = Math.max(largest, bytes.length);
    if (random.nextDouble() < loss) {
      dropped++;
      return;
    }
    queue.add(new InTransit(nowMs + 20 + random.nextInt(61), order++, bytes));
  }

  List<byte[]> arrivals(long nowMs) {
    List<byte[]> out = new ArrayList<>();
    while (!queue.isEmpty() && queue.peek().deliverAtMs() <= nowMs) {
      out.add(queue.poll().bytes());
    }
    return out;
  }
}
