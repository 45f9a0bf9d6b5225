package org.bluemarble.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Run in a fresh JVM by {@link CommonPoolTest}: prints the common pool's parallelism and whether an
 * async callback ran on a pool thread, after calling {@link CommonPool#requireParallelism()} first
 * (as Main does) or, with the argument {@code without}, not at all.
 */
public final class CommonPoolProbe {
  private CommonPoolProbe() {}

  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("without")) {
      CommonPool.requireParallelism();
    }
    Thread ran = CompletableFuture.supplyAsync(Thread::currentThread).join();
    System.out.println(
        "parallelism="
            + ForkJoinPool.getCommonPoolParallelism()
            + " pooled="
            + (ran instanceof ForkJoinWorkerThread));
  }
}
