package org.bluemarble.spatial;

/**
 * Thrown when a fixed-level covering would need more cells than {@link
 * SpatialCells#MAX_FIXED_LEVEL_CELLS}; ask for a coarser level or use a max-cell-count covering.
 */
public class CoveringTooLargeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param level the requested level
   * @param estimatedCells the estimated number of cells
   */
  public CoveringTooLargeException(int level, long estimatedCells) {
    super(
        "level = "
            + level
            + " would need about "
            + estimatedCells
            + " cells; at most "
            + SpatialCells.MAX_FIXED_LEVEL_CELLS
            + " are allowed: choose a coarser level or a max cell count");
  }
}
