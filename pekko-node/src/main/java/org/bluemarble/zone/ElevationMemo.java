package org.bluemarble.zone;

/**
 * A cell's memory of the ground elevations its movement asked for recently, keyed by the exact
 * latitude and longitude. One moving entity's tick on land asks the terrain five times about three
 * points (the step's end for the deep-ocean rule and again for the altitude, the slope probe for
 * both rules, the start for the slope), and its start is the end of its previous tick; with the
 * memo the planet's interpolation (trigonometry, a cube-face projection, four samples) runs about
 * twice per tick, once per new point.
 *
 * <p>Answers are the wrapped terrain's own for the same arguments: {@link Terrain} implementations
 * are pure functions, and a hit needs bit-identical coordinates. Direct-mapped ({@value #SLOTS}
 * slots, a newer point evicts the older one in its slot); not thread-safe: one per cell, used by
 * the cell's thread. Arguments the wrapped terrain refuses (an exception) are never remembered.
 */
final class ElevationMemo implements Terrain {
  static final int SLOTS = 1024;
  private static final int SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(SLOTS);
  // A NaN pattern no query stores: NaN coordinates bypass the memo.
  private static final long EMPTY = 0x7ff8_0000_dead_beefL;

  private final Terrain terrain;
  private final long[] latBits = new long[SLOTS];
  private final long[] lngBits = new long[SLOTS];
  private final double[] elevation = new double[SLOTS];
  private long hits;
  private long misses;

  private ElevationMemo(Terrain terrain) {
    this.terrain = terrain;
    java.util.Arrays.fill(latBits, EMPTY);
  }

  /**
   * {@code terrain} with a memo of its elevations, or {@code terrain} itself when it answers the
   * deep-ocean or slope question by its own rule (the memo's answers come from the interface's
   * default rules over the elevation) or is a memo already.
   */
  static Terrain of(Terrain terrain) {
    if (terrain instanceof ElevationMemo || ownsRules(terrain.getClass())) {
      return terrain;
    }
    return new ElevationMemo(terrain);
  }

  private static boolean ownsRules(Class<?> type) {
    try {
      return type.getMethod("isDeepOcean", double.class, double.class, double.class)
                  .getDeclaringClass()
              != Terrain.class
          || type.getMethod(
                      "slopeDeg",
                      double.class,
                      double.class,
                      double.class,
                      double.class,
                      double.class)
                  .getDeclaringClass()
              != Terrain.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  @Override
  public double elevationMeters(double latitudeDeg, double longitudeDeg) {
    if (Double.isNaN(latitudeDeg) || Double.isNaN(longitudeDeg)) {
      return terrain.elevationMeters(latitudeDeg, longitudeDeg);
    }
    long lat = Double.doubleToRawLongBits(latitudeDeg);
    long lng = Double.doubleToRawLongBits(longitudeDeg);
    int slot = (int) (((lat * 0x9E37_79B9_7F4A_7C15L) ^ lng) * 0xC2B2_AE3D_27D4_EB4FL >>> SHIFT);
    if (latBits[slot] == lat && lngBits[slot] == lng) {
      hits++;
      return elevation[slot];
    }
    double e = terrain.elevationMeters(latitudeDeg, longitudeDeg);
    misses++;
    latBits[slot] = lat;
    lngBits[slot] = lng;
    elevation[slot] = e;
    return e;
  }

  @Override
  public String biome(double latitudeDeg, double longitudeDeg) {
    return terrain.biome(latitudeDeg, longitudeDeg);
  }

  /** Elevations answered from the memo. */
  long hits() {
    return hits;
  }

  /** Elevations asked of the wrapped terrain. */
  long misses() {
    return misses;
  }
}
