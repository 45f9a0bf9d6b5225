package org.bluemarble.market;

import java.util.Objects;

/**
 * One step of a trade's swap plan. {@link Phase#ESCROW} steps take each side's offer into the
 * trade's escrow; if one fails (e.g. the money was spent meanwhile), the saga runs the {@code
 * compensation} of every escrow step already done, newest first, and both keep what they had.
 * {@link Phase#RELEASE} steps start only after every escrow step succeeded; they cannot fail for
 * want of funds or items (the escrow holds exactly them) and are retried with the same key until
 * applied, so the saga only moves forward from there. Their {@code compensation} is provided for an
 * audited admin rollback only.
 */
public record SwapStep(int index, Phase phase, AssetMove action, AssetMove compensation) {
  /** Escrow first, release second. */
  public enum Phase {
    ESCROW,
    RELEASE
  }

  public SwapStep {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(compensation, "compensation");
  }
}
