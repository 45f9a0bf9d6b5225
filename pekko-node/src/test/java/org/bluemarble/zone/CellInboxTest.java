package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CellInboxTest {
  private static ZoneCell.SubmitInput input(String player, long sequence) {
    return new ZoneCell.SubmitInput(player, sequence, WireIntent.STOP, 0L);
  }

  private static List<ZoneCell.SubmitInput> drain(CellInbox inbox) {
    List<ZoneCell.SubmitInput> out = new ArrayList<>();
    inbox.drainTo(out::add);
    return out;
  }

  @Test
  void handsInputsOverInArrivalOrder() {
    CellInbox inbox = new CellInbox(8);
    inbox.offer(input("a", 1));
    inbox.offer(input("b", 1));
    inbox.offer(input("a", 2));

    assertThat(drain(inbox))
        .extracting(i -> i.playerId() + i.sequence())
        .containsExactly("a1", "b1", "a2");
    assertThat(inbox.size()).isZero();
    assertThat(drain(inbox)).isEmpty();
  }

  @Test
  void refusesBeyondItsCapacityAndCountsTheRefusals() {
    CellInbox inbox = new CellInbox(3);
    for (int i = 1; i <= 3; i++) {
      assertThat(inbox.offer(input("a", i))).isTrue();
    }

    assertThat(inbox.offer(input("a", 4))).isFalse();
    assertThat(inbox.offer(input("a", 5))).isFalse();
    assertThat(inbox.refused()).isEqualTo(2);
    assertThat(drain(inbox)).extracting(ZoneCell.SubmitInput::sequence).containsExactly(1L, 2L, 3L);
    // Drained: room again.
    assertThat(inbox.offer(input("a", 6))).isTrue();
  }

  @Test
  void closingDropsWhatIsQueuedCountsItAndRefusesLaterInputs() {
    CellInbox inbox = new CellInbox(8);
    inbox.offer(input("a", 1));
    inbox.offer(input("a", 2));

    assertThat(inbox.close()).isEqualTo(2);
    assertThat(inbox.isClosed()).isTrue();
    assertThat(inbox.offer(input("a", 3))).isFalse();
    assertThat(inbox.refused()).isEqualTo(1);
    assertThat(drain(inbox)).isEmpty();
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new CellInbox(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void manyProducersKeepEachOnesOrderAndNothingIsLost() throws Exception {
    int producers = 4;
    int perProducer = 20_000;
    CellInbox inbox = new CellInbox(producers * perProducer);
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < producers; p++) {
        String player = "p" + p;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int s = 1; s <= perProducer; s++) {
                    assertThat(inbox.offer(input(player, s))).isTrue();
                  }
                  return null;
                }));
      }
      Map<String, Long> last = new HashMap<>();
      List<String> outOfOrder = new ArrayList<>();
      int[] taken = {0};
      go.countDown();
      while (taken[0] < producers * perProducer) {
        // The consumer drains while the producers run, as a ticking cell does.
        inbox.drainTo(
            i -> {
              long previous = last.getOrDefault(i.playerId(), 0L);
              if (i.sequence() != previous + 1) {
                outOfOrder.add(i.playerId() + ":" + previous + "->" + i.sequence());
              }
              last.put(i.playerId(), i.sequence());
              taken[0]++;
            });
        for (Future<?> f : done) {
          if (f.isDone()) {
            f.get(); // surfaces a producer's failure
          }
        }
      }

      assertThat(outOfOrder).isEmpty();
      assertThat(last)
          .hasSize(producers)
          .allSatisfy((p, s) -> assertThat(s).isEqualTo(perProducer));
      assertThat(inbox.size()).isZero();
      assertThat(inbox.refused()).isZero();
    } finally {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
