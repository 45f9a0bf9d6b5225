package org.bluemarble.load.scenario;

import java.util.Locale;

/** The load scenarios of issue 8, defined so that numbers compare across runs and servers. */
public enum Scenario {
  /**
   * Constant density: all N bots in one square patch of side L = 250 m × sqrt(N π / 50), so that
   * with a 250 m area-of-interest radius each bot has about 50 others in view whatever N is.
   */
  DENSE,
  /** Bots scattered over a continent-sized square ({@link ScenarioGeometry#SPREAD_SIDE_M}). */
  SPREAD;

  /** Parses {@code dense} or {@code spread} (any case). */
  public static Scenario parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scenario must be dense or spread, was '" + text + "'", e);
    }
  }
}
