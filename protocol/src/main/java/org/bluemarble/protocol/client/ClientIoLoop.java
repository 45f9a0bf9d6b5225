package org.bluemarble.protocol.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Drives many {@link UdpClientTransport}s from one thread with one selector, so a load test can run
 * thousands of clients with a handful of threads. Readable sockets are read as soon as the selector
 * wakes; every transport is flushed (queued sends, resends, keep-alives) every {@link #TICK_MS} ms,
 * which bounds the extra send latency.
 */
public final class ClientIoLoop implements AutoCloseable {

  /** Flush period in ms. */
  public static final long TICK_MS = 5;

  private final Selector selector;
  private final Thread thread;
  private final ConcurrentLinkedQueue<UdpClientTransport> added = new ConcurrentLinkedQueue<>();
  private final List<UdpClientTransport> transports = new ArrayList<>();
  private volatile boolean running = true;
  private volatile int count;

  /** Starts the loop thread, named {@code name}. */
  public ClientIoLoop(String name) {
    try {
      selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Hands a transport to the loop; from now on only the loop thread drives it. */
  public void register(UdpClientTransport transport) {
    added.add(transport);
    selector.wakeup();
  }

  /** Number of transports driven, as of the loop's last pass. */
  public int size() {
    return count;
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(5_000);
      selector.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void run() {
    long nextFlush = System.currentTimeMillis();
    while (running) {
      try {
        selector.select(Math.max(1, nextFlush - System.currentTimeMillis()));
      } catch (IOException e) {
        throw new UncheckedIOException("selector failed", e);
      }
      long now = System.currentTimeMillis();
      registerAdded();
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        ((UdpClientTransport) key.attachment()).readAvailable(now);
      }
      if (now >= nextFlush) {
        transports.removeIf(t -> !t.flush(now));
        count = transports.size();
        nextFlush = now + TICK_MS;
      }
    }
    long now = System.currentTimeMillis();
    transports.forEach(t -> t.closeNow(now));
  }

  private void registerAdded() {
    UdpClientTransport t;
    while ((t = added.poll()) != null) {
      try {
        t.channel().register(selector, SelectionKey.OP_READ, t);
        transports.add(t);
      } catch (ClosedChannelException e) {
        // Closed before it was registered: nothing to drive.
      }
    }
  }
}
