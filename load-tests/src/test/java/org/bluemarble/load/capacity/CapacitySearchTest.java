package org.bluemarble.load.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacitySearchTest {

  private static final CapacityCriteria C = CapacityCriteria.ISSUE_8;

  /** A step that holds every criterion comfortably. */
  private static StepResult good(int n) {
    return new StepResult(n, 60.0, 20.0, 60, 10_000, 0, 0, n * 300L);
  }

  @Test
  void reportsTheLastStepBeforeTheFirstFailure() {
    List<Integer> ran = new ArrayList<>();
    CapacityResult r =
        new CapacitySearch(C, 100, 100, 1000)
            .searchSteps(
                (int n) -> {
                  ran.add(n);
                  return n <= 300
                      ? good(n)
                      : new StepResult(n, 60.0, 20.0, 140, 10_000, 0, 0, n * 300L);
                });
    assertThat(r.highestHeld()).isEqualTo(300);
    assertThat(ran).containsExactly(100, 200, 300, 400);
    assertThat(r.steps().get(3).verdict().failures())
        .singleElement()
        .asString()
        .contains("p99 input -> observer 140.0 ms");
    assertThat(r.describe())
        .contains("highest N that held: 300")
        .contains("p99 input -> observer <= 100 ms");
  }

  @Test
  void noStepHeldMeansNoCapacity() {
    CapacityResult r =
        new CapacitySearch(C, 50, 50, 100)
            .searchSteps((int n) -> new StepResult(n, 50.0, 20, 60, 10, 0, 0, 100));
    assertThat(r.highestHeld()).isNull();
    assertThat(r.steps()).hasSize(1);
    assertThat(r.describe()).contains("no step held");
  }

  @Test
  void judgesEachCriterionAtItsBoundary() {
    assertThat(Verdict.judge(good(100), C).held()).isTrue();
    assertThat(Verdict.judge(new StepResult(100, 57.0, 19.0, 100, 5, 0, 0, 1000), C).held())
        .isTrue();
    assertThat(Verdict.judge(new StepResult(100, 56.9, 20, 60, 5, 0, 0, 1000), C).failures())
        .hasSize(1);
    assertThat(Verdict.judge(new StepResult(100, 60.0, 18.9, 60, 5, 0, 0, 1000), C).failures())
        .hasSize(1);
    assertThat(Verdict.judge(new StepResult(100, 60.0, 20, 60, 0, 0, 0, 1000), C).failures())
        .containsExactly("no input -> observer samples");
    // One failed bot in 999 is 0.1001 %: fails; none in 1,000 holds.
    assertThat(Verdict.judge(new StepResult(999, 60.0, 20, 60, 5, 1, 0, 100_000), C).held())
        .isFalse();
    assertThat(Verdict.judge(new StepResult(2000, 60.0, 20, 60, 5, 1, 0, 100_000), C).held())
        .isTrue();
    assertThat(Verdict.judge(new StepResult(100, 60.0, 20, 60, 5, 0, 100, 100_000), C).held())
        .isFalse();
    assertThat(Verdict.judge(new StepResult(100, 60.0, 20, 60, 5, 0, 99, 100_000), C).held())
        .isTrue();
  }

  @Test
  void anUnknownTickRateIsReportedNotFailed() {
    Verdict v = Verdict.judge(new StepResult(100, null, 20, 60, 5, 0, 0, 1000), C);
    assertThat(v.held()).isTrue();
    assertThat(v.unknown()).singleElement().asString().contains("tick rate");
  }

  @Test
  void rejectsImpossibleStepPlans() {
    assertThatThrownBy(() -> new CapacitySearch(C, 0, 10, 100)).hasMessageContaining("start >= 1");
    assertThatThrownBy(() -> new CapacitySearch(C, 200, 10, 100))
        .hasMessageContaining("max >= start");
    assertThat(new CapacitySearch(C, 50, 50, 200).plannedSteps())
        .containsExactly(50, 100, 150, 200);
  }
}
