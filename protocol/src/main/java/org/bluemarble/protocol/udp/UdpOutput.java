package org.bluemarble.protocol.udp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what an I/O-free endpoint wants done: datagrams to send and events to handle. The owner
 * drains it after each call (send the datagrams, dispatch the events).
 */
public final class UdpOutput {

  /** A datagram to send. */
  public record Datagram(InetSocketAddress to, byte[] bytes) {}

  private final List<Datagram> datagrams = new ArrayList<>();
  private final List<UdpEvent> events = new ArrayList<>();

  void send(InetSocketAddress to, byte[] bytes) {
    datagrams.add(new Datagram(to, bytes));
  }

  void emit(UdpEvent event) {
    events.add(event);
  }

  /** Returns and clears the pending datagrams. */
  public List<Datagram> drainDatagrams() {
    List<Datagram> out = new ArrayList<>(datagrams);
    datagrams.clear();
    return out;
  }

  /** Returns and clears the pending events. */
  public List<UdpEvent> drainEvents() {
    List<UdpEvent> out = new ArrayList<>(events);
    events.clear();
    return out;
  }
}
