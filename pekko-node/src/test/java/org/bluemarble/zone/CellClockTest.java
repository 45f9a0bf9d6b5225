package org.bluemarble.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CellClockTest {
  private static final Duration PERIOD = Duration.ofMillis(2);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final CellClock clock = new CellClock();

  @AfterEach
  void close() {
    clock.close();
  }

  @Test
  void tellsEverySubscriberTheSameBeats() {
    List<Long> a = new CopyOnWriteArrayList<>();
    List<Long> b = new CopyOnWriteArrayList<>();
    // Each takes its tick at once, as an idle cell does.
    CellClock.Subscription[] subs = {
      clock.subscribe(
          PERIOD,
          (s, n) -> {
            a.add(n);
            s.ticked();
          }),
      clock.subscribe(
          PERIOD,
          (s, n) -> {
            b.add(n);
            s.ticked();
          })
    };

    await().atMost(WAIT).until(() -> a.size() >= 20 && b.size() >= 20);
    subs[0].cancel();
    subs[1].cancel();

    // Same phase: from the first beat both saw, the same beat numbers, in increasing order.
    long first = Math.max(a.get(0), b.get(0));
    List<Long> commonA = a.stream().filter(n -> n >= first).limit(15).toList();
    List<Long> commonB = b.stream().filter(n -> n >= first).limit(15).toList();
    assertThat(commonA).isEqualTo(commonB).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void aSubscriberStillBusyIsSkippedNotBurst() {
    List<Long> busy = new CopyOnWriteArrayList<>();
    List<Long> idle = new CopyOnWriteArrayList<>();
    CellClock.Subscription stuck = clock.subscribe(PERIOD, (s, n) -> busy.add(n));
    CellClock.Subscription other =
        clock.subscribe(
            PERIOD,
            (s, n) -> {
              idle.add(n);
              s.ticked();
            });

    await().atMost(WAIT).until(() -> idle.size() >= 10);

    // Told once; every later beat found it still busy with that tick.
    assertThat(busy).hasSize(1);
    assertThat(stuck.skipped()).isPositive();
    long skippedBefore = stuck.skipped();

    stuck.ticked();

    await().atMost(WAIT).until(() -> busy.size() == 2);
    // One tick for all the beats it missed, not a burst of them.
    assertThat(busy).hasSize(2);
    assertThat(stuck.skipped()).isGreaterThanOrEqualTo(skippedBefore);
    stuck.cancel();
    other.cancel();
  }

  @Test
  void aCancelledSubscriberHearsNoMoreBeats() {
    List<Long> got = new CopyOnWriteArrayList<>();
    CellClock.Subscription sub =
        clock.subscribe(
            PERIOD,
            (s, n) -> {
              got.add(n);
              s.ticked();
            });
    await().atMost(WAIT).until(() -> got.size() >= 3);
    sub.cancel();
    int after = got.size();
    List<Long> witness = new CopyOnWriteArrayList<>();
    CellClock.Subscription w =
        clock.subscribe(
            PERIOD,
            (s, n) -> {
              witness.add(n);
              s.ticked();
            });

    // Ten beats later (seen by a second subscriber), the cancelled one got at most the beat that
    // was being told while it cancelled.
    await().atMost(WAIT).until(() -> witness.size() >= 10);
    assertThat(got.size()).isBetween(after, after + 1);
    w.cancel();
  }

  @Test
  void refusesABadPeriodAndSubscriptionsAfterClose() {
    assertThatThrownBy(() -> clock.subscribe(Duration.ZERO, (s, n) -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    clock.close();
    assertThatThrownBy(() -> clock.subscribe(PERIOD, (s, n) -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  /** Long enough that the clock's own thread never beats during a test: the test beats. */
  private static final Duration NEVER = Duration.ofHours(1);

  /** A two-phase subscriber that records what it is told, stepping only when the test says. */
  private static final class TwoPhase {
    final List<String> log;
    final String name;
    CellClock.Subscription sub;

    TwoPhase(CellClock clock, String name, List<String> log) {
      this.name = name;
      this.log = log;
      this.sub =
          clock.subscribe(
              NEVER, (s, n) -> log.add("tick " + name + " " + n), n -> log.add(name + " " + n));
    }

    void step() {
      sub.ticked();
      sub.stepped();
    }
  }

  @Test
  void twoPhaseSubscribersComposeABeatOnlyOnceEveryOneOfThemSteppedIt() {
    List<String> log = new CopyOnWriteArrayList<>();
    TwoPhase a = new TwoPhase(clock, "a", log);
    TwoPhase b = new TwoPhase(clock, "b", log);
    List<Long> onePhase = new CopyOnWriteArrayList<>();
    clock.subscribe(NEVER, (s, n) -> onePhase.add(n)); // never ticks: holds nobody

    clock.beatNow(NEVER, 7);
    assertThat(log).containsExactly("tick a 7", "tick b 7");
    a.step();
    assertThat(log).containsExactly("tick a 7", "tick b 7");
    b.step(); // the last one: both are told to compose, from this thread, now
    assertThat(log).containsExactly("tick a 7", "tick b 7", "a 7", "b 7");
    b.step(); // a second report changes nothing
    assertThat(log).hasSize(4);
    assertThat(onePhase).containsExactly(7L);
  }

  @Test
  void aRoundHeldByASubscriberThatNeverStepsIsReleasedAtTheNextBeat() {
    List<String> log = new CopyOnWriteArrayList<>();
    TwoPhase a = new TwoPhase(clock, "a", log);
    TwoPhase stuck = new TwoPhase(clock, "s", log);

    clock.beatNow(NEVER, 1);
    a.step();
    assertThat(log).containsExactly("tick a 1", "tick s 1");

    clock.beatNow(NEVER, 2);
    // Beat 1 is composed before beat 2 is told; the stuck one is skipped at beat 2.
    assertThat(log).containsExactly("tick a 1", "tick s 1", "a 1", "s 1", "tick a 2");
    assertThat(stuck.sub.skipped()).isEqualTo(1);
    a.step(); // alone in round 2
    assertThat(log).endsWith("tick a 2", "a 2");
  }

  @Test
  void aSubscriberThatCancelsLetsTheOthersCompose() {
    List<String> log = new CopyOnWriteArrayList<>();
    TwoPhase a = new TwoPhase(clock, "a", log);
    TwoPhase leaving = new TwoPhase(clock, "l", log);

    clock.beatNow(NEVER, 1);
    a.step();
    leaving.sub.cancel(); // told, never started: a stopped cell
    assertThat(log).containsExactly("tick a 1", "tick l 1", "a 1", "l 1");

    clock.beatNow(NEVER, 2);
    assertThat(log).endsWith("a 1", "l 1", "tick a 2");
    a.step();
    assertThat(log).endsWith("tick a 2", "a 2");
  }

  @Test
  void aSubscriberCancellingMidStepLetsTheOthersComposeToo() {
    List<String> log = new CopyOnWriteArrayList<>();
    TwoPhase a = new TwoPhase(clock, "a", log);
    TwoPhase leaving = new TwoPhase(clock, "l", log);

    clock.beatNow(NEVER, 1);
    leaving.sub.ticked(); // started its step, then stops
    a.step();
    assertThat(log).containsExactly("tick a 1", "tick l 1");
    leaving.sub.cancel();
    assertThat(log).containsExactly("tick a 1", "tick l 1", "a 1", "l 1");
  }
}
