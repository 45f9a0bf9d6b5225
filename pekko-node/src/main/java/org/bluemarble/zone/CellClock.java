package org.bluemarble.zone;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;
import kamon.Kamon;
import kamon.metric.Counter;
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
 * missed in its next tick. Both kinds of skipped beats are counted per node as the Kamon counter
 * {@code bluemarble.zone.clock.skipped{cause=cell-busy|clock-late}}.
 *
 * <p>A subscriber with two phases ({@link #subscribe(Duration, ObjLongConsumer, LongConsumer)})
 * steps when told the beat and reports {@link Subscription#stepped}; once every two-phase
 * subscriber told in that beat has stepped (or stopped), each is told to compose the beat. So a
 * cell composes its snapshots after every local neighbour has stepped and published its ghosts in
 * the same beat. A beat whose round is still open at the next beat (a subscriber that never
 * reported: stopped without cancelling, or a step longer than a period) is released then, so one
 * lost subscriber delays the others by one beat at most. One per actor system ({@link #get}); its
 * threads end with the system.
 */
public final class CellClock implements Extension, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CellClock.class);

  /** The Kamon counter of skipped beats, tagged {@code cause}. */
  static final String SKIPPED = "bluemarble.zone.clock.skipped";

  private static final String SKIPPED_HELP =
      "Cell-clock beats not told to a cell: cell-busy (its last tick had not started), clock-late"
          + " (the clock woke a period or more late; counted once per beat, for all cells)";
  private static final Counter CELL_BUSY =
      Kamon.counter(SKIPPED, SKIPPED_HELP).withTag("cause", "cell-busy");
  private static final Counter CLOCK_LATE =
      Kamon.counter(SKIPPED, SKIPPED_HELP).withTag("cause", "clock-late");

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
    return subscribe(period, tick, null);
  }

  /**
   * As {@link #subscribe(Duration, ObjLongConsumer)}, in two phases: after {@code tick}, the
   * subscriber steps and calls {@link Subscription#stepped}; when every two-phase subscriber told
   * that beat has done so, {@code compose} is called with the beat number (from the thread of the
   * last one to step, or the clock's). {@code compose} must not block either.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   * @throws IllegalStateException if the clock is closed
   */
  public Subscription subscribe(
      Duration period, ObjLongConsumer<Subscription> tick, LongConsumer compose) {
    long nanos = period.toNanos();
    if (nanos <= 0) {
      throw new IllegalArgumentException("tick period must be > 0, was " + period);
    }
    Subscription s = new Subscription(tick, compose);
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

  /**
   * Tells beat {@code number} of {@code period} now, from the caller's thread (tests, with a period
   * too long for the clock's own beats to interfere).
   */
  void beatNow(Duration period, long number) {
    Beat beat = beats.get(period.toNanos());
    if (beat != null) {
      beat.beat(number);
    }
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
    private final LongConsumer compose;
    private final AtomicBoolean due = new AtomicBoolean();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong fired = new AtomicLong();

    /** The round of the beat told and not started yet (set by the clock's thread). */
    private final AtomicReference<Round> joined = new AtomicReference<>();

    /** The round of the beat the subscriber is stepping (its own thread). */
    private volatile Round stepping;

    private volatile Beat beat;

    private Subscription(ObjLongConsumer<Subscription> tick, LongConsumer compose) {
      this.tick = tick;
      this.compose = compose;
    }

    /** The subscriber started the tick it was told of; the next beat may tell it again. */
    public void ticked() {
      Round previous = stepping;
      stepping = joined.getAndSet(null);
      if (previous != null) {
        previous.arrive(); // ticked twice without reporting the step: do not hold the others
      }
      due.set(false);
    }

    /**
     * The subscriber finished stepping the beat it last {@link #ticked} (its ghosts are out); when
     * all of that beat's two-phase subscribers have, each is told to compose. Idempotent.
     */
    public void stepped() {
      Round r = stepping;
      stepping = null;
      if (r != null) {
        r.arrive();
      }
    }

    /** No more beats for this subscriber; a beat it was told and did not step is let go. */
    public void cancel() {
      Beat b = beat;
      if (b != null) {
        b.cells.remove(this);
      }
      Round r = joined.getAndSet(null);
      if (r != null) {
        r.arrive();
      }
      stepped();
    }

    /** Beats passed over because the previous one was not started yet. */
    public long skipped() {
      return skipped.get();
    }

    /** Beats told. */
    public long fired() {
      return fired.get();
    }

    private void fire(long beatNumber, Round round) {
      if (due.compareAndSet(false, true)) {
        fired.incrementAndGet();
        if (compose != null) {
          round.join(this);
          Round stale = joined.getAndSet(round);
          if (stale != null) {
            stale.arrive();
          }
        }
        try {
          tick.accept(this, beatNumber);
        } catch (RuntimeException e) {
          // One subscriber's fault must not stop the beat of the others.
          Round r = joined.getAndSet(null);
          if (r != null) {
            r.arrive();
          }
          due.set(false);
          LOG.warn("cell clock subscriber failed at beat {}", beatNumber, e);
        }
      } else {
        skipped.incrementAndGet();
        CELL_BUSY.increment();
      }
    }

    private void compose(long beatNumber) {
      try {
        compose.accept(beatNumber);
      } catch (RuntimeException e) {
        LOG.warn("cell clock subscriber failed to compose beat {}", beatNumber, e);
      }
    }
  }

  /**
   * The two-phase subscribers told one beat: each is told to compose once all have stepped. The
   * clock holds one arrival of its own until it has told them all, so a quick subscriber cannot
   * release the round before the slower ones joined it.
   */
  private static final class Round {
    private final long number;
    private final List<Subscription> members = new ArrayList<>();
    private final AtomicInteger pending = new AtomicInteger(1);
    private final AtomicBoolean released = new AtomicBoolean();

    Round(long number) {
      this.number = number;
    }

    /** Clock thread only, before that subscriber is told. */
    void join(Subscription s) {
      members.add(s);
      pending.incrementAndGet();
    }

    void arrive() {
      if (pending.decrementAndGet() == 0) {
        release();
      }
    }

    /** Tells every member to compose, once. */
    void release() {
      if (released.compareAndSet(false, true)) {
        for (Subscription s : members) {
          s.compose(number);
        }
      }
    }
  }

  /** The thread of one period. */
  private static final class Beat implements Runnable {
    final List<Subscription> cells = new CopyOnWriteArrayList<>();
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;

    /** The round of the last beat told. */
    private Round open;

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
        beat(number);
        next += periodNanos;
        long late = System.nanoTime() - next;
        if (late >= 0) {
          // A whole period or more behind (a paused machine, a starved thread): skip those beats.
          long missed = late / periodNanos + 1;
          next += missed * periodNanos;
          number += missed;
          CLOCK_LATE.increment(missed);
        }
      }
    }

    /** Tells beat {@code number} to every subscriber (the clock's thread, or a test's). */
    synchronized void beat(long number) {
      if (open != null) {
        // A member never reported its step (stopped, or stepping longer than a period).
        open.release();
      }
      Round round = new Round(number);
      for (Subscription s : cells) {
        s.fire(number, round);
      }
      round.arrive();
      open = round;
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
