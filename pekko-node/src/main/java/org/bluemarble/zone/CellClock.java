package org.bluemarble.zone;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ObjLongConsumer;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tick clock of the cells on this node: one thread per tick period (one in production) that
 * sleeps until absolute deadlines ({@code parkNanos}, so a beat is late by the OS's wake-up slack,
 * tens of microseconds, not by Pekko's 10 ms scheduler wheel) and at each beat tells every
 * subscribed cell to tick, all in the same phase. A cell still busy with its previous beat's tick
 * is not told (counted), and a clock that wakes more than a period late skips the missed beats, so
 * a late cell's mailbox never fills with ticks; the beat number lets the cell play the beats it
 * missed in its next tick. One per actor system ({@link #get}); its threads end with the system.
 */
public final class CellClock implements Extension, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CellClock.class);

  private final Map<Long, Beat> beats = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * A standalone clock with no beats yet (tests, benchmarks; a node uses {@link #get}); {@link
   * #close} ends its threads.
   */
  public CellClock() {}

  /** This actor system's clock. */
  public static CellClock get(ActorSystem<?> system) {
    return Id.INSTANCE.apply(system);
  }

  /**
   * Calls {@code tick} with the subscription and the beat number every {@code period} from the
   * clock's thread, until the subscription is cancelled; after each call, the next one waits until
   * the subscriber calls {@link Subscription#ticked} (the beats in between are skipped and
   * counted). {@code tick} must not block (it tells an actor).
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   * @throws IllegalStateException if the clock is closed
   */
  public Subscription subscribe(Duration period, ObjLongConsumer<Subscription> tick) {
    long nanos = period.toNanos();
    if (nanos <= 0) {
      throw new IllegalArgumentException("tick period must be > 0, was " + period);
    }
    Subscription s = new Subscription(tick);
    Beat beat;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("cell clock closed");
      }
      beat = beats.computeIfAbsent(nanos, Beat::new);
    }
    s.beat = beat;
    beat.cells.add(s);
    return s;
  }

  /** Ends every beat thread; later subscriptions are refused. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    beats.values().forEach(Beat::stop);
  }

  /** One cell's place on the clock. */
  public static final class Subscription {
    private final ObjLongConsumer<Subscription> tick;
    private final AtomicBoolean due = new AtomicBoolean();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong fired = new AtomicLong();
    private volatile Beat beat;

    private Subscription(ObjLongConsumer<Subscription> tick) {
      this.tick = tick;
    }

    /** The subscriber started the tick it was told of; the next beat may tell it again. */
    public void ticked() {
      due.set(false);
    }

    /** No more beats for this subscriber. */
    public void cancel() {
      Beat b = beat;
      if (b != null) {
        b.cells.remove(this);
      }
    }

    /** Beats passed over because the previous one was not started yet. */
    public long skipped() {
      return skipped.get();
    }

    /** Beats told. */
    public long fired() {
      return fired.get();
    }

    private void fire(long beatNumber) {
      if (due.compareAndSet(false, true)) {
        fired.incrementAndGet();
        try {
          tick.accept(this, beatNumber);
        } catch (RuntimeException e) {
          // One subscriber's fault must not stop the beat of the others.
          due.set(false);
          LOG.warn("cell clock subscriber failed at beat {}", beatNumber, e);
        }
      } else {
        skipped.incrementAndGet();
      }
    }
  }

  /** The thread of one period. */
  private static final class Beat implements Runnable {
    final List<Subscription> cells = new CopyOnWriteArrayList<>();
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;

    Beat(long periodNanos) {
      this.periodNanos = periodNanos;
      this.thread = new Thread(this, "cell-clock-" + periodNanos / 1000 + "us");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      running = false;
      LockSupport.unpark(thread);
    }

    @Override
    public void run() {
      long next = System.nanoTime() + periodNanos;
      long number = 0;
      while (running) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(this, wait);
          continue; // woken early (spuriously or by stop): wait for the rest
        }
        number++;
        for (Subscription s : cells) {
          s.fire(number);
        }
        next += periodNanos;
        long late = System.nanoTime() - next;
        if (late >= 0) {
          // A whole period or more behind (a paused machine, a starved thread): skip those beats.
          long missed = late / periodNanos + 1;
          next += missed * periodNanos;
          number += missed;
        }
      }
    }
  }

  private static final class Id extends ExtensionId<CellClock> {
    static final Id INSTANCE = new Id();

    @Override
    public CellClock createExtension(ActorSystem<?> system) {
      CellClock clock = new CellClock();
      system.getWhenTerminated().thenRun(clock::close);
      return clock;
    }
  }
}
