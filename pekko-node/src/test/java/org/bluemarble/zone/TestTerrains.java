package org.bluemarble.zone;

/** Deterministic stand-in terrains for the zone tests. */
final class TestTerrains {
  private TestTerrains() {}

  /** Land everywhere at 10 m, one biome. */
  static Terrain flat(String biome) {
    return new Terrain() {
      @Override
      public double elevationMeters(double latitudeDeg, double longitudeDeg) {
        return 10.0;
      }

      @Override
      public String biome(double latitudeDeg, double longitudeDeg) {
        return biome;
      }
    };
  }

  /** Land at 10 m east of the prime meridian (longitude ≥ 0), 3,000 m deep ocean west of it. */
  static Terrain oceanWest() {
    return new Terrain() {
      @Override
      public double elevationMeters(double latitudeDeg, double longitudeDeg) {
        return longitudeDeg >= 0.0 ? 10.0 : -3000.0;
      }

      @Override
      public String biome(double latitudeDeg, double longitudeDeg) {
        return longitudeDeg >= 0.0 ? "grassland" : "ocean";
      }
    };
  }

  /**
   * Flat land south of the equator; north of it the ground rises 2 m per metre (a 63° slope) until
   * a flat plateau beyond 0.01° north.
   */
  static Terrain hillNorthOfEquator() {
    return new Terrain() {
      @Override
      public double elevationMeters(double latitudeDeg, double longitudeDeg) {
        double metresNorth = Math.min(latitudeDeg, 0.01) * 111_194.9;
        return metresNorth > 0.0 ? 2.0 * metresNorth : 0.0;
      }

      @Override
      public String biome(double latitudeDeg, double longitudeDeg) {
        return "mountain";
      }
    };
  }

  /** Land in the southern hemisphere (forest), deep ocean in the northern one. */
  static Terrain oceanNorth() {
    return new Terrain() {
      @Override
      public double elevationMeters(double latitudeDeg, double longitudeDeg) {
        return latitudeDeg < 0.0 ? 50.0 : -4000.0;
      }

      @Override
      public String biome(double latitudeDeg, double longitudeDeg) {
        return latitudeDeg < 0.0 ? "temperate_forest" : "ocean";
      }
    };
  }
}
