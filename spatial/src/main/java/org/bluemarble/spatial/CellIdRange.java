package org.bluemarble.spatial;

/**
 * An inclusive range of S2 cell ids that a store keyed by cell id scans for a region query: every
 * cell id (at any level) inside the covered cells lies in [{@code minId}, {@code maxId}]. Both ends
 * are leaf cell ids.
 *
 * <p>S2 ids are unsigned 64-bit numbers; ids of cube faces 4 and 5 are negative as Java longs.
 * {@link SpatialCells#scanRanges} never lets a range cross the sign boundary, so {@code minId <=
 * maxId} holds both as signed and as unsigned numbers and a store may compare either way.
 */
public record CellIdRange(long minId, long maxId) {

  /** Validates that the range is not empty. */
  public CellIdRange {
    if (minId > maxId) {
      throw new InvalidCellException(
          "minId = " + minId + " must not exceed maxId = " + maxId + " (same sign half)");
    }
  }

  /** Whether {@code cellId} lies in this range. */
  public boolean contains(long cellId) {
    return cellId >= minId && cellId <= maxId;
  }
}
