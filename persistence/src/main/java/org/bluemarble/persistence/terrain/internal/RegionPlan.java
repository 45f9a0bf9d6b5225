package org.bluemarble.persistence.terrain.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bluemarble.persistence.terrain.TerrainSample;
import org.bluemarble.spatial.CellIdRange;

/**
 * Turns the cell-id ranges of a region query into what a store scans and keeps: the terrain-cell
 * index intervals whose ids lie in the ranges, and the chunk scans (bounds on the chunks' {@code
 * minLeaf}) that cover them. Chunk scans never cross from cube face 3 to face 4, so their bounds
 * compare correctly as signed longs in any database.
 */
public final class RegionPlan {

  private final ChunkLayout layout;
  private final int[] from;
  private final int[] to;
  private final List<LeafScan> scans;

  private RegionPlan(ChunkLayout layout, int[] from, int[] to, List<LeafScan> scans) {
    this.layout = layout;
    this.from = from;
    this.to = to;
    this.scans = scans;
  }

  /**
   * One scan: every chunk whose {@code minLeaf} lies in [{@code fromMinLeaf}, {@code toMinLeaf}]
   * (signed comparison), i.e. chunks {@code firstChunk}..{@code lastChunk}.
   */
  public record LeafScan(long fromMinLeaf, long toMinLeaf, int firstChunk, int lastChunk) {}

  /** The plan for {@code ranges} on a planet of {@code layout}. */
  public static RegionPlan of(ChunkLayout layout, List<CellIdRange> ranges) {
    List<int[]> intervals = new ArrayList<>();
    for (CellIdRange range : ranges) {
      // CellIdRange compares signed; a range from a negative to a positive id holds both ends of
      // the unsigned id space, so it is split into its negative and non-negative halves.
      if (range.minId() < 0 && range.maxId() >= 0) {
        addInterval(intervals, cellInterval(layout, range.minId(), -1L));
        addInterval(intervals, cellInterval(layout, 0L, range.maxId()));
      } else {
        addInterval(intervals, cellInterval(layout, range.minId(), range.maxId()));
      }
    }
    intervals.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] interval : intervals) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && interval[0] <= last[1] + 1) {
        last[1] = Math.max(last[1], interval[1]);
      } else {
        merged.add(interval.clone());
      }
    }
    int[] from = new int[merged.size()];
    int[] to = new int[merged.size()];
    for (int i = 0; i < merged.size(); i++) {
      from[i] = merged.get(i)[0];
      to[i] = merged.get(i)[1];
    }
    return new RegionPlan(layout, from, to, scans(layout, from, to));
  }

  private static void addInterval(List<int[]> intervals, int[] interval) {
    if (interval != null) {
      intervals.add(interval);
    }
  }

  /**
   * Index interval [first, last] of terrain cells whose id lies in [a, b], or null; a and b lie in
   * the same sign half.
   */
  private static int[] cellInterval(ChunkLayout layout, long a, long b) {
    int shift = 61 - 2 * layout.terrainLevel();
    long lsb = 1L << (shift - 1);
    // Ids are unsigned: cell k has id k·2^shift + lsb, so compare and divide without the sign.
    long first = Long.compareUnsigned(a, lsb) <= 0 ? 0 : ((a - lsb - 1) >>> shift) + 1;
    if (Long.compareUnsigned(b, lsb) < 0) {
      return null;
    }
    long last = Math.min((b - lsb) >>> shift, layout.cellCount() - 1L);
    if (first > last) {
      return null;
    }
    return new int[] {(int) first, (int) last};
  }

  private static List<LeafScan> scans(ChunkLayout layout, int[] from, int[] to) {
    int per = layout.cellsPerChunk();
    int signChunk = layout.firstNegativeChunk();
    List<int[]> chunks = new ArrayList<>();
    for (int i = 0; i < from.length; i++) {
      int c0 = from[i] / per;
      int c1 = to[i] / per;
      int[] last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
      if (last != null && c0 <= last[1] + 1 && (c0 < signChunk || last[0] >= signChunk)) {
        last[1] = Math.max(last[1], c1);
      } else {
        chunks.add(new int[] {c0, c1});
      }
    }
    List<LeafScan> scans = new ArrayList<>();
    for (int[] c : chunks) {
      if (c[0] < signChunk && c[1] >= signChunk) {
        scans.add(scan(layout, c[0], signChunk - 1));
        scans.add(scan(layout, signChunk, c[1]));
      } else {
        scans.add(scan(layout, c[0], c[1]));
      }
    }
    return Collections.unmodifiableList(scans);
  }

  private static LeafScan scan(ChunkLayout layout, int first, int last) {
    return new LeafScan(layout.minLeaf(first), layout.minLeaf(last), first, last);
  }

  /** The chunk scans, in chunk order; empty when no terrain cell lies in the ranges. */
  public List<LeafScan> scans() {
    return scans;
  }

  /** Number of chunks the scans select, to check that a store returned all of them. */
  public int chunkCount() {
    int n = 0;
    for (LeafScan scan : scans) {
      n += scan.lastChunk() - scan.firstChunk() + 1;
    }
    return n;
  }

  /** Whether terrain cell {@code index} lies in the region. */
  public boolean containsCell(int index) {
    int i = intervalAtOrBefore(index);
    return i >= 0 && index <= to[i];
  }

  /** Appends the samples of {@code chunk} (encoded as {@code data}) that lie in the region. */
  public void collect(int chunk, byte[] data, List<TerrainSample> out) {
    int per = layout.cellsPerChunk();
    int start = layout.firstCell(chunk);
    int end = start + per - 1;
    ChunkCodec.Reader cells = ChunkCodec.reader(data, per);
    int i = Math.max(0, intervalAtOrBefore(start));
    for (; i < from.length && from[i] <= end; i++) {
      int lo = Math.max(from[i], start);
      int hi = Math.min(to[i], end);
      for (int index = lo; index <= hi; index++) {
        int k = index - start;
        out.add(
            new TerrainSample(
                layout.cellId(index),
                cells.elevation(k),
                cells.temperature(k),
                cells.precipitation(k),
                cells.biome(k),
                cells.plate(k)));
      }
    }
  }

  /** Position of the last interval starting at or before {@code index}, or -1. */
  private int intervalAtOrBefore(int index) {
    int lo = 0;
    int hi = from.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (from[mid] <= index) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
}
