package org.bluemarble.zone;

import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.internal.LongIntMap;
import org.bluemarble.zone.internal.Vectors;

/**
 * A spatial hash over a {@link CellPopulation} (owned entities and ghosts alike) so that gathering
 * the entities within the AOI radius of a point costs O(entities nearby), not O(cell). Points are
 * projected orthographically onto the tangent plane at the cell's centre and bucketed on a square
 * grid whose side is a quarter of the AOI radius; the projection never lengthens distances, so
 * every entity within the radius lies within four rings of buckets around the query point's bucket,
 * and the exact great-circle test then filters them. A query scans rings outwards and stops as soon
 * as it holds its limit of entities all nearer than anything the next ring could hold, so in a
 * crowd it reads only the buckets around the nearest {@code limit} entities, not the whole radius.
 * Valid for everything in the hemisphere around the centre, which covers a cell and its neighbours
 * at any zone level ≥ 2.
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

  /** Buckets per AOI radius: rings 0..SUBDIVISIONS around a bucket cover the radius. */
  static final int SUBDIVISIONS = 4;

  /** Projected metres → bucket index: sphere radius / bucket side. */
  private final double scale;

  /**
   * Squared chord of the least distance an entity in ring r can have from the query: (r - 1) bucket
   * sides (the query may sit anywhere in its own bucket); 0 for rings 0 and 1.
   */
  private final double[] ringChord2 = new double[SUBDIVISIONS + 2];

  private final LongIntMap heads = new LongIntMap(256);
  private int[] next = new int[64];
  private CellPopulation population;

  // The running best of a nearest() query (squared chord, slot).
  private double best;
  private int bestSlot;

  /** An index for a cell centred at {@code centre} with the settings' AOI radius. */
  public AoiIndex(GeoPosition centre, ZoneSettings settings) {
    this.radiusMeters = settings.aoiRadiusMeters();
    this.sphereRadius = settings.sphere().radiusMeters();
    double half = Math.sin(radiusMeters / sphereRadius / 2.0);
    this.maxChord2 = 4.0 * half * half;
    double side = radiusMeters / SUBDIVISIONS;
    this.scale = sphereRadius / side;
    for (int r = 2; r < ringChord2.length; r++) {
      double h = Math.sin((r - 1) * side / sphereRadius / 2.0);
      ringChord2[r] = 4.0 * h * h;
    }
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
    return key(bucketX(x, y, z), bucketY(x, y, z));
  }

  private long bucketX(double x, double y, double z) {
    return (long) Math.floor((x * ex + y * ey + z * ez) * scale);
  }

  private long bucketY(double x, double y, double z) {
    return (long) Math.floor((x * nx + y * ny + z * nz) * scale);
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
    collect(x, y, z, excludeId, limit, out);
    out.finish(sphereRadius);
  }

  /**
   * Like {@link #gather(double, double, double, long, int, AoiResult)} (the {@code limit} nearest)
   * but the result is in ascending id order, the order the snapshot encoders merge in.
   */
  public void gatherInIdOrder(
      double x, double y, double z, long excludeId, int limit, AoiResult out) {
    collect(x, y, z, excludeId, limit, out);
    out.finishInIdOrder(sphereRadius);
  }

  private void collect(double x, double y, double z, long excludeId, int limit, AoiResult out) {
    out.begin(limit);
    if (population == null || limit == 0) {
      return;
    }
    long bx = bucketX(x, y, z);
    long by = bucketY(x, y, z);
    for (int r = 0; r <= SUBDIVISIONS; r++) {
      if (out.full() && out.worstChord2() <= ringChord2[r]) {
        break;
      }
      if (r == 0) {
        scan(bx, by, x, y, z, excludeId, out);
        continue;
      }
      for (long d = -r; d <= r; d++) {
        scan(bx + d, by - r, x, y, z, excludeId, out);
        scan(bx + d, by + r, x, y, z, excludeId, out);
      }
      for (long d = -r + 1; d <= r - 1; d++) {
        scan(bx - r, by + d, x, y, z, excludeId, out);
        scan(bx + r, by + d, x, y, z, excludeId, out);
      }
    }
  }

  private void scan(long bx, long by, double x, double y, double z, long excludeId, AoiResult out) {
    CellPopulation pop = population;
    for (int slot = heads.get(key(bx, by)); slot != LongIntMap.MISSING; slot = next[slot]) {
      double cx = pop.x(slot) - x;
      double cy = pop.y(slot) - y;
      double cz = pop.z(slot) - z;
      double chord2 = cx * cx + cy * cy + cz * cz;
      if (chord2 <= maxChord2) {
        long id = pop.id(slot);
        if (id != excludeId) {
          out.offer(id, chord2, slot);
        }
      }
    }
  }

  /**
   * The slot of the entity nearest to (x, y, z) within {@code withinMeters} (at most the AOI
   * radius) whose id is not {@code excludeId}, or -1: a cheap query for AI perception.
   */
  public int nearest(double x, double y, double z, double withinMeters, long excludeId) {
    if (population == null) {
      return -1;
    }
    double within = Math.min(withinMeters, radiusMeters);
    double half = Math.sin(within / sphereRadius / 2.0);
    best = 4.0 * half * half;
    bestSlot = -1;
    long bx = bucketX(x, y, z);
    long by = bucketY(x, y, z);
    int rings = (int) Math.min(SUBDIVISIONS, Math.ceil(within * SUBDIVISIONS / radiusMeters));
    for (long dxb = -rings; dxb <= rings; dxb++) {
      for (long dyb = -rings; dyb <= rings; dyb++) {
        nearestIn(bx + dxb, by + dyb, x, y, z, excludeId);
      }
    }
    return bestSlot;
  }

  private void nearestIn(long bx, long by, double x, double y, double z, long excludeId) {
    for (int slot = heads.get(key(bx, by)); slot != LongIntMap.MISSING; slot = next[slot]) {
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

  /** Great-circle metres between (x, y, z) and the entity in {@code slot}. */
  public double distanceMeters(double x, double y, double z, int slot) {
    double dx = population.x(slot) - x;
    double dy = population.y(slot) - y;
    double dz = population.z(slot) - z;
    return AoiResult.arcMeters(dx * dx + dy * dy + dz * dz, sphereRadius);
  }
}
