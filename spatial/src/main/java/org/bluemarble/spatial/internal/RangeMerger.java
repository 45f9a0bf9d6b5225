package org.bluemarble.spatial.internal;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.List;
import org.bluemarble.spatial.CellIdRange;

/** Turns a normalised (sorted, non-overlapping) list of cells into merged leaf-id ranges. */
public final class RangeMerger {
  private RangeMerger() {}

  /**
   * Merges the leaf ranges of {@code sortedCells}. Two ranges are merged when the second starts at
   * the leaf right after the first ends (leaf ids are odd, so that is max + 2), except across the
   * signed/unsigned boundary between faces 3 and 4.
   */
  public static List<CellIdRange> merge(List<S2CellId> sortedCells) {
    List<CellIdRange> out = new ArrayList<>();
    long min = 0;
    long max = 0;
    boolean open = false;
    for (S2CellId cell : sortedCells) {
      long cellMin = cell.rangeMin().id();
      long cellMax = cell.rangeMax().id();
      if (open && max != Long.MAX_VALUE && Long.compareUnsigned(cellMin, max + 2) <= 0) {
        if (Long.compareUnsigned(cellMax, max) > 0) {
          max = cellMax;
        }
        continue;
      }
      if (open) {
        out.add(new CellIdRange(min, max));
      }
      min = cellMin;
      max = cellMax;
      open = true;
    }
    if (open) {
      out.add(new CellIdRange(min, max));
    }
    return out;
  }
}
