package org.bluemarble.node;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where polygon work runs: a fork-join pool of its own (so the parallel streams inside JTS unions
 * and polygon builds run on it too, not on the common pool or an actor dispatcher), taking at most
 * {@code threads + queue} jobs at once; one more is refused with {@link
 * RejectedExecutionException}.
 */
final class PolygonExecutor implements Executor, AutoCloseable {
  private final ForkJoinPool pool;
  private final Semaphore slots;

  PolygonExecutor(int threads, int queue) {
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ForkJoinPool(
            threads,
            p -> {
              ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
              t.setName("planet-polygons-" + n.incrementAndGet());
              t.setDaemon(true);
              t.setPriority(Thread.MIN_PRIORITY);
              return t;
            },
            null,
            false);
    this.slots = new Semaphore(threads + queue);
  }

  @Override
  public void execute(Runnable job) {
    if (!slots.tryAcquire()) {
      throw new RejectedExecutionException("polygon executor full");
    }
    try {
      pool.execute(
          () -> {
            try {
              job.run();
            } finally {
              slots.release();
            }
          });
    } catch (RejectedExecutionException e) {
      slots.release();
      throw e;
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
