package org.bluemarble.load.capacity;

import java.util.List;

/**
 * The outcome of a capacity search.
 *
 * @param criteria the criteria, as printed
 * @param steps every step run, in order, with its verdict
 * @param highestHeld the highest N that held, or null when none did
 */
public record CapacityResult(List<String> criteria, List<Step> steps, Integer highestHeld) {

  /** One step: its figures, its verdict and where its report is. */
  public record Step(StepResult result, Verdict verdict, String report) {}

  /** The lines printed at the end of a search. */
  public String describe() {
    StringBuilder b = new StringBuilder("capacity criteria:\n");
    criteria.forEach(c -> b.append("  - ").append(c).append('\n'));
    for (Step s : steps) {
      b.append(
          String.format(
              "  N=%d: %s%s%s%n",
              s.result().bots(),
              s.verdict().held() ? "held" : "FAILED",
              s.verdict().failures().isEmpty() ? "" : " " + s.verdict().failures(),
              s.verdict().unknown().isEmpty()
                  ? ""
                  : " (not judged: " + s.verdict().unknown() + ")"));
    }
    b.append(
        highestHeld == null ? "no step held the criteria" : "highest N that held: " + highestHeld);
    return b.toString();
  }
}
