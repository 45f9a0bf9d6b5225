package org.bluemarble.market;

import java.util.List;

/**
 * The atomic swap of a confirmed trade as an ordered list of idempotent steps (all escrow steps,
 * then all release steps) for the trade saga entity to execute and, after a crash, resume.
 */
public record SwapPlan(String tradeId, List<SwapStep> steps) {
  public SwapPlan {
    steps = List.copyOf(steps);
  }

  /** The steps of {@code phase}, in order. */
  public List<SwapStep> phase(SwapStep.Phase phase) {
    return steps.stream().filter(s -> s.phase() == phase).toList();
  }
}
