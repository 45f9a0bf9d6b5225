package org.bluemarble.planet.internal;

import com.google.common.geometry.R2Vector;
import com.google.common.geometry.S2CellId;
import com.google.common.geometry.S2Point;
import com.google.common.geometry.S2Projections;
import java.util.stream.IntStream;

/**
 * Every S2 cell of one level, sorted by cell id, as plain arrays: the unit-vector centre, the share
 * of the sphere's area, and a (face, i, j) → index table for constant-time lookups. Index k is the
 * k-th cell in id order, so {@code index = cellId >>> (61 - 2·level)}.
 */
public final class CellGrid {

  private final int level;
  private final int size;
  private final float[] x;
  private final float[] y;
  private final float[] z;
  private final float[] areaShare;
  private final int[] faceIjToIndex;

  private CellGrid(int level) {
    this.level = level;
    this.size = 1 << level;
    int count = 6 * size * size;
    this.x = new float[count];
    this.y = new float[count];
    this.z = new float[count];
    this.areaShare = new float[count];
    this.faceIjToIndex = new int[count];
  }

  /** Builds the grid of {@code level} (0..12); faces are filled in parallel, each cell once. */
  public static CellGrid build(int level) {
    if (level < 0 || level > 12) {
      throw new IllegalArgumentException("grid level " + level + " is outside 0..12");
    }
    CellGrid grid = new CellGrid(level);
    IntStream.range(0, 6).parallel().forEach(grid::fillFace);
    grid.normalizeAreas();
    return grid;
  }

  private void fillFace(int face) {
    int shift = S2CellId.MAX_LEVEL - level;
    double cellSt = 1.0 / size;
    double h = cellSt * 1e-3;
    for (int i = 0; i < size; i++) {
      double s = (i + 0.5) * cellSt;
      double u = S2Projections.PROJ.stToUV(s);
      double duds = (S2Projections.PROJ.stToUV(s + h) - S2Projections.PROJ.stToUV(s - h)) / (2 * h);
      for (int j = 0; j < size; j++) {
        double t = (j + 0.5) * cellSt;
        double v = S2Projections.PROJ.stToUV(t);
        double dvdt =
            (S2Projections.PROJ.stToUV(t + h) - S2Projections.PROJ.stToUV(t - h)) / (2 * h);
        S2CellId id = S2CellId.fromFaceIJ(face, i << shift, j << shift).parent(level);
        int index = indexOf(id);
        S2Point p = S2Projections.faceUvToXyz(face, u, v).normalize();
        x[index] = (float) p.getX();
        y[index] = (float) p.getY();
        z[index] = (float) p.getZ();
        // Area element of the gnomonic cube face on the unit sphere: du dv / (1 + u² + v²)^(3/2).
        double r2 = 1 + u * u + v * v;
        areaShare[index] = (float) (duds * dvdt * cellSt * cellSt / (r2 * Math.sqrt(r2)));
        faceIjToIndex[(face * size + i) * size + j] = index;
      }
    }
  }

  private void normalizeAreas() {
    double sum = 0;
    for (float a : areaShare) {
      sum += a;
    }
    for (int k = 0; k < areaShare.length; k++) {
      areaShare[k] = (float) (areaShare[k] / sum);
    }
  }

  /** Index of a cell of this grid's level in id order. */
  public int indexOf(S2CellId id) {
    if (id.level() != level) {
      throw new IllegalArgumentException("cell level " + id.level() + " is not " + level);
    }
    return (int) (id.id() >>> (61 - 2 * level));
  }

  /** The cell id at {@code index}. */
  public S2CellId cellId(int index) {
    long lsb = 1L << (2 * (S2CellId.MAX_LEVEL - level));
    return new S2CellId(((long) index << (61 - 2 * level)) | lsb);
  }

  /** Index of the cell (face, i, j) with i, j in 0..size-1. */
  public int indexOfFaceIj(int face, int i, int j) {
    return faceIjToIndex[(face * size + i) * size + j];
  }

  /** Index of the cell containing the unit direction (px, py, pz). */
  public int indexOfPoint(double px, double py, double pz) {
    int face = CubeFace.face(px, py, pz);
    double s = CubeFace.uvToSt(CubeFace.u(face, px, py, pz));
    double t = CubeFace.uvToSt(CubeFace.v(face, px, py, pz));
    return indexOfFaceIj(face, clampIj(s), clampIj(t));
  }

  /** Cell coordinate of s (or t) in 0..size-1. */
  public int clampIj(double st) {
    int i = (int) Math.floor(st * size);
    return Math.max(0, Math.min(size - 1, i));
  }

  /** The (s, t) centre of a cell, for tests. */
  public R2Vector centerSt(int index) {
    return cellId(index).getCenterST();
  }

  public int level() {
    return level;
  }

  /** Cells per face edge (2^level). */
  public int size() {
    return size;
  }

  /** Number of cells (6 · 4^level). */
  public int count() {
    return x.length;
  }

  public double x(int index) {
    return x[index];
  }

  public double y(int index) {
    return y[index];
  }

  public double z(int index) {
    return z[index];
  }

  /** The cell's share of the sphere's area; the shares sum to 1. */
  public double areaShare(int index) {
    return areaShare[index];
  }
}
