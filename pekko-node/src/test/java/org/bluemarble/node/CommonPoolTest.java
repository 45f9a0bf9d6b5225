package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Test;

class CommonPoolTest {
  @Test
  void commonPoolHasAtLeastTwoThreads() {
    assertThat(CommonPool.requireParallelism()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void asyncCallbacksRunOnThePoolInsteadOfANewThreadEach() {
    CommonPool.requireParallelism();
    Thread ran = CompletableFuture.supplyAsync(Thread::currentThread).join();
    assertThat(ran).isInstanceOf(ForkJoinWorkerThread.class);
  }
}
