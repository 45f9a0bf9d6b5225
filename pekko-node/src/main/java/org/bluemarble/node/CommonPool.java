package org.bluemarble.node;

import java.util.concurrent.ForkJoinPool;

/**
 * Keeps {@code CompletableFuture}'s default executor a real pool. Scala's {@code Future} → {@code
 * CompletionStage} bridge (every Pekko ask seen from Java, every persisted reply to an ask) runs
 * even the non-async callbacks asynchronously on that default executor, which is {@link
 * ForkJoinPool#commonPool()} unless its parallelism is below 2: on a 2-core machine the JDK's
 * default is 1, and then {@code CompletableFuture} starts <em>a new thread per callback</em>.
 * Measured on the 2-core box: 24,800 threads started in a 30 s economy benchmark and half the
 * throughput. Must run before anything touches the common pool (first thing in {@code main}).
 */
public final class CommonPool {
  static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private CommonPool() {}

  /**
   * Sets the common pool's parallelism to at least 2 unless the user chose one; returns the
   * effective parallelism (still 1 if the pool was created before this call or the user said 1).
   */
  public static int requireParallelism() {
    if (System.getProperty(PROPERTY) == null) {
      int cores = Runtime.getRuntime().availableProcessors();
      System.setProperty(PROPERTY, Integer.toString(Math.max(2, cores - 1)));
    }
    return ForkJoinPool.getCommonPoolParallelism();
  }
}
