package org.bluemarble.zone.bench;

import com.google.common.geometry.S2CellId;
import java.util.SplittableRandom;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.bluemarble.zone.Terrain;
import org.bluemarble.zone.ZoneSettings;

/** Shared fixtures for the zone benchmarks: Earth defaults, a flat grassland, one cell. */
final class BenchWorld {
  static final ZoneSettings SETTINGS = ZoneSettings.defaults(Sphere.EARTH);
  static final S2CellId CELL =
      SpatialCells.cellAt(GeoPosition.of(47.37, 8.54), SETTINGS.zoneLevel());
  static final GeoPosition CENTRE = SpatialCells.centreOf(CELL);
  static final Terrain LAND =
      new Terrain() {
        @Override
        public double elevationMeters(double latitudeDeg, double longitudeDeg) {
          return 400.0;
        }

        @Override
        public String biome(double latitudeDeg, double longitudeDeg) {
          return "Grassland";
        }
      };

  private BenchWorld() {}

  /** A position within {@code meters} of the cell centre. */
  static GeoPosition near(SplittableRandom random, double meters) {
    return Sphere.EARTH.destination(CENTRE, random.nextDouble(360.0), random.nextDouble(meters));
  }
}
