package org.bluemarble.load.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Raises N step by step ({@code start}, {@code start + step}, ... up to {@code max}) and stops at
 * the first step that does not hold the criteria; the answer is the highest N that held. Each step
 * is a fresh run (its own accounts, ramp-up, steady state and ramp-down).
 */
public final class CapacitySearch {

  /** Runs one step for N bots and tells where its report went. */
  public interface StepRunner {
    /** Runs N bots. */
    Ran run(int bots);
  }

  /** A step's figures and its report path. */
  public record Ran(StepResult result, String report) {}

  private final CapacityCriteria criteria;
  private final int start;
  private final int step;
  private final int max;

  /** A search from {@code start} by {@code step} up to {@code max} bots. */
  public CapacitySearch(CapacityCriteria criteria, int start, int step, int max) {
    if (start < 1 || step < 1 || max < start) {
      throw new IllegalArgumentException(
          "capacity steps need start >= 1, step >= 1, max >= start; were "
              + start
              + ", "
              + step
              + ", "
              + max);
    }
    this.criteria = criteria;
    this.start = start;
    this.step = step;
    this.max = max;
  }

  /** The N of every step, in order. */
  public List<Integer> plannedSteps() {
    List<Integer> out = new ArrayList<>();
    for (int n = start; n <= max; n += step) {
      out.add(n);
    }
    return out;
  }

  /** Runs steps until one fails or {@code max} is reached. */
  public CapacityResult search(StepRunner runner) {
    List<CapacityResult.Step> steps = new ArrayList<>();
    Integer highest = null;
    for (int n : plannedSteps()) {
      Ran ran = runner.run(n);
      Verdict v = Verdict.judge(ran.result(), criteria);
      steps.add(new CapacityResult.Step(ran.result(), v, ran.report()));
      if (!v.held()) {
        break;
      }
      highest = n;
    }
    return new CapacityResult(criteria.describe(), List.copyOf(steps), highest);
  }

  /** Same as {@link #search(StepRunner)} for a runner that only returns figures. */
  public CapacityResult searchSteps(IntFunction<StepResult> runner) {
    return search(n -> new Ran(runner.apply(n), null));
  }
}
