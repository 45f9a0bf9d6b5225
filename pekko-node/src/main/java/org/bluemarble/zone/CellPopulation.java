package org.bluemarble.zone;

import java.util.Arrays;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.internal.LongIntMap;
import org.bluemarble.zone.internal.Vectors;

/**
 * Every entity a cell knows of, in flat arrays indexed by a dense slot: its own players, NPCs and
 * resource nodes, and the <em>ghosts</em> that neighbouring cells report near the shared boundary
 * (so the area of interest across a boundary is exact). Positions are unit vectors plus altitude;
 * motion is a heading and speed for snapshots. Slots are reused: removing an entity moves the last
 * one into its slot, so hold ids, not slots, across calls that remove.
 */
public final class CellPopulation {
  /** One shared copy ({@code values()} allocates a new array per call). */
  private static final EntityKind[] KINDS = EntityKind.values();

  private final LongIntMap slots;
  private long[] ids;
  private byte[] kinds;
  private boolean[] ghosts;
  private double[] xs;
  private double[] ys;
  private double[] zs;
  private double[] altitudes;
  private double[] headings;
  private double[] speeds;
  private int size;

  /** An empty population sized for about {@code expected} entities (it grows as needed). */
  public CellPopulation(int expected) {
    int n = Math.max(8, expected);
    slots = new LongIntMap(n);
    ids = new long[n];
    kinds = new byte[n];
    ghosts = new boolean[n];
    xs = new double[n];
    ys = new double[n];
    zs = new double[n];
    altitudes = new double[n];
    headings = new double[n];
    speeds = new double[n];
  }

  /**
   * Adds the entity or updates it in place; returns its slot.
   *
   * @param ghost true when a neighbouring cell owns the entity and only reports it
   */
  public int upsert(
      long id,
      EntityKind kind,
      boolean ghost,
      double x,
      double y,
      double z,
      double altitudeMeters,
      double headingDeg,
      double speedMps) {
    int slot = slots.get(id);
    if (slot == LongIntMap.MISSING) {
      if (size == ids.length) {
        grow();
      }
      slot = size++;
      slots.put(id, slot);
      ids[slot] = id;
    }
    kinds[slot] = (byte) kind.ordinal();
    ghosts[slot] = ghost;
    xs[slot] = x;
    ys[slot] = y;
    zs[slot] = z;
    altitudes[slot] = altitudeMeters;
    headings[slot] = headingDeg;
    speeds[slot] = speedMps;
    return slot;
  }

  /** {@link #upsert} from a {@link GeoPosition}. */
  public int upsert(long id, EntityKind kind, boolean ghost, GeoPosition p, double hdg, double v) {
    double[] u = new double[3];
    Vectors.fromLatLng(p.latitudeDeg(), p.longitudeDeg(), u);
    return upsert(id, kind, ghost, u[0], u[1], u[2], p.altitudeMeters(), hdg, v);
  }

  /** Updates only the position and motion of slot {@code slot}. */
  public void move(int slot, double x, double y, double z, double alt, double hdg, double v) {
    xs[slot] = x;
    ys[slot] = y;
    zs[slot] = z;
    altitudes[slot] = alt;
    headings[slot] = hdg;
    speeds[slot] = v;
  }

  /** Removes the entity; returns whether it was present. */
  public boolean remove(long id) {
    int slot = slots.remove(id);
    if (slot == LongIntMap.MISSING) {
      return false;
    }
    int last = --size;
    if (slot != last) {
      ids[slot] = ids[last];
      kinds[slot] = kinds[last];
      ghosts[slot] = ghosts[last];
      xs[slot] = xs[last];
      ys[slot] = ys[last];
      zs[slot] = zs[last];
      altitudes[slot] = altitudes[last];
      headings[slot] = headings[last];
      speeds[slot] = speeds[last];
      slots.put(ids[slot], slot);
    }
    return true;
  }

  private void grow() {
    int n = ids.length * 2;
    ids = Arrays.copyOf(ids, n);
    kinds = Arrays.copyOf(kinds, n);
    ghosts = Arrays.copyOf(ghosts, n);
    xs = Arrays.copyOf(xs, n);
    ys = Arrays.copyOf(ys, n);
    zs = Arrays.copyOf(zs, n);
    altitudes = Arrays.copyOf(altitudes, n);
    headings = Arrays.copyOf(headings, n);
    speeds = Arrays.copyOf(speeds, n);
  }

  /** The slot of {@code id}, or -1 if absent. */
  public int slotOf(long id) {
    return slots.get(id);
  }

  /** Whether {@code id} is present (owned or ghost). */
  public boolean contains(long id) {
    return slots.get(id) != LongIntMap.MISSING;
  }

  /** The number of entities, ghosts included; slots are 0..size-1. */
  public int size() {
    return size;
  }

  /** The id in {@code slot}. */
  public long id(int slot) {
    return ids[slot];
  }

  /** The kind in {@code slot}. */
  public EntityKind kind(int slot) {
    return KINDS[kinds[slot]];
  }

  /** Whether {@code slot} holds a ghost reported by a neighbour. */
  public boolean isGhost(int slot) {
    return ghosts[slot];
  }

  /** Unit-vector x of {@code slot}. */
  public double x(int slot) {
    return xs[slot];
  }

  /** Unit-vector y of {@code slot}. */
  public double y(int slot) {
    return ys[slot];
  }

  /** Unit-vector z of {@code slot}. */
  public double z(int slot) {
    return zs[slot];
  }

  /** Altitude in metres of {@code slot}. */
  public double altitudeMeters(int slot) {
    return altitudes[slot];
  }

  /** Heading in degrees of {@code slot}. */
  public double headingDeg(int slot) {
    return headings[slot];
  }

  /** Speed in m/s of {@code slot}. */
  public double speedMps(int slot) {
    return speeds[slot];
  }

  /** The position of {@code slot} (allocates). */
  public GeoPosition position(int slot) {
    return Vectors.toPosition(xs[slot], ys[slot], zs[slot], altitudes[slot], 0.0);
  }
}
