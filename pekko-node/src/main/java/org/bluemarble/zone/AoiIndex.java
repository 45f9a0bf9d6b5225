package org.bluemarble.zone;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.internal.LongIntMap;
import org.bluemarble.zone.internal.Vectors;

/**
 * A spatial hash over a {@link CellPopulation} (owned entities and ghosts alike) so that gathering
 * the entities within the AOI radius of a point costs O(entities nearby), not O(cell). Points are
 * projected orthographically onto the tangent plane at the cell's centre and bucketed on a square
 * grid whose side is the AOI radius; the projection never lengthens distances, so every entity
 * within the radius lies in the 3 × 3 buckets around the query point, and the exact great-circle
 * test then filters them. Valid for everything in the hemisphere around the centre, which covers a
 * cell and its neighbours at any zone level ≥ 2.
 *
 * <p>Rebuild with {@link #rebuild} after positions change (once per tick or per snapshot).
 */
public final class AoiIndex {
  private final double radiusMeters;
  private final double sphereRadius;

  /** The AOI radius as a squared chord between unit vectors (monotonic in distance). */
  private final double maxChord2;

  // Tangent-plane basis at the centre: east, north (unit vectors).
  private final double ex;
  private final double ey;
  private final double ez;
  private final double nx;
  private final double ny;
  private final double nz;
  private final LongIntMap heads = new LongIntMap(256);
  private int[] next = new int[64];
  private CellPopulation population;

  /** An index for a cell centred at {@code centre} with the settings' AOI radius. */
  public AoiIndex(GeoPosition centre, ZoneSettings settings) {
    this.radiusMeters = settings.aoiRadiusMeters();
    this.sphereRadius = settings.sphere().radiusMeters();
    double half = Math.sin(radiusMeters / sphereRadius / 2.0);
    this.maxChord2 = 4.0 * half * half;
    double[] e = new double[3];
    double[] n = new double[3];
    Vectors.tangent(centre.latitudeDeg(), centre.longitudeDeg(), 90.0, e);
    Vectors.tangent(centre.latitudeDeg(), centre.longitudeDeg(), 0.0, n);
    ex = e[0];
    ey = e[1];
    ez = e[2];
    nx = n[0];
    ny = n[1];
    nz = n[2];
  }

  /** The AOI radius in metres. */
  public double radiusMeters() {
    return radiusMeters;
  }

  private long bucketOf(double x, double y, double z) {
    long bx = (long) Math.floor((x * ex + y * ey + z * ez) * sphereRadius / radiusMeters);
    long by = (long) Math.floor((x * nx + y * ny + z * nz) * sphereRadius / radiusMeters);
    return key(bx, by);
  }

  private static long key(long bx, long by) {
    return (bx << 32) ^ (by & 0xFFFFFFFFL);
  }

  /** Re-buckets every entity of {@code population}: O(size). */
  public void rebuild(CellPopulation population) {
    this.population = population;
    heads.clear();
    int n = population.size();
    if (next.length < n) {
      next = new int[Math.max(n, next.length * 2)];
    }
    for (int slot = 0; slot < n; slot++) {
      long key = bucketOf(population.x(slot), population.y(slot), population.z(slot));
      int head = heads.get(key);
      next[slot] = head;
      heads.put(key, slot);
    }
  }

  /**
   * Fills {@code out} with the entities within the AOI radius of (x, y, z), except {@code
   * excludeId} (the observer itself), nearest first.
   */
  public void gather(double x, double y, double z, long excludeId, AoiResult out) {
    gather(x, y, z, excludeId, Integer.MAX_VALUE, out);
  }

  /**
   * Like {@link #gather(double, double, double, long, AoiResult)} but keeps only the {@code limit}
   * nearest (snapshot priority when a crowd exceeds what a snapshot carries).
   */
  public void gather(double x, double y, double z, long excludeId, int limit, AoiResult out) {
    out.clear();
    if (population == null) {
      return;
    }
    long bx = (long) Math.floor((x * ex + y * ey + z * ez) * sphereRadius / radiusMeters);
    long by = (long) Math.floor((x * nx + y * ny + z * nz) * sphereRadius / radiusMeters);
    for (long dx = -1; dx <= 1; dx++) {
      for (long dy = -1; dy <= 1; dy++) {
        for (int slot = heads.get(key(bx + dx, by + dy));
            slot != LongIntMap.MISSING;
            slot = next[slot]) {
          collect(slot, x, y, z, excludeId, out);
        }
      }
    }
    out.keepNearest(limit);
  }

  private void collect(int slot, double x, double y, double z, long excludeId, AoiResult out) {
    long id = population.id(slot);
    if (id == excludeId) {
      return;
    }
    double dx = population.x(slot) - x;
    double dy = population.y(slot) - y;
    double dz = population.z(slot) - z;
    double chord2 = dx * dx + dy * dy + dz * dz;
    if (chord2 <= maxChord2) {
      out.add(id, arcMeters(chord2));
    }
  }

  private double arcMeters(double chord2) {
    double half = Math.sqrt(chord2) * 0.5;
    if (half < 0.01) {
      // asin series to x^5: the next term is below 1e-15 relative for x < 0.01 (64 km on Earth).
      double h2 = half * half;
      return 2.0 * half * (1.0 + h2 * (1.0 / 6.0 + h2 * (3.0 / 40.0))) * sphereRadius;
    }
    return 2.0 * Math.asin(Math.min(1.0, half)) * sphereRadius;
  }

  /**
   * The slot of the entity nearest to (x, y, z) within {@code withinMeters} (at most the AOI
   * radius) whose id is not {@code excludeId}, or -1: a cheap query for AI perception.
   */
  public int nearest(double x, double y, double z, double withinMeters, long excludeId) {
    if (population == null) {
      return -1;
    }
    double half = Math.sin(Math.min(withinMeters, radiusMeters) / sphereRadius / 2.0);
    double best = 4.0 * half * half;
    int bestSlot = -1;
    long bx = (long) Math.floor((x * ex + y * ey + z * ez) * sphereRadius / radiusMeters);
    long by = (long) Math.floor((x * nx + y * ny + z * nz) * sphereRadius / radiusMeters);
    for (long dxb = -1; dxb <= 1; dxb++) {
      for (long dyb = -1; dyb <= 1; dyb++) {
        for (int slot = heads.get(key(bx + dxb, by + dyb));
            slot != LongIntMap.MISSING;
            slot = next[slot]) {
          if (population.id(slot) == excludeId) {
            continue;
          }
          double dx = population.x(slot) - x;
          double dy = population.y(slot) - y;
          double dz = population.z(slot) - z;
          double chord2 = dx * dx + dy * dy + dz * dz;
          if (chord2 <= best) {
            best = chord2;
            bestSlot = slot;
          }
        }
      }
    }
    return bestSlot;
  }

  /** Great-circle metres between (x, y, z) and the entity in {@code slot}. */
  public double distanceMeters(double x, double y, double z, int slot) {
    double dx = population.x(slot) - x;
    double dy = population.y(slot) - y;
    double dz = population.z(slot) - z;
    return arcMeters(dx * dx + dy * dy + dz * dz);
  }
}
