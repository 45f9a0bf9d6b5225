package org.bluemarble.persistence.terrain;

import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetGenerator;

/** Small generated planets shared by the terrain store tests (generated once per JVM). */
final class TestPlanets {

  /** Terrain level 6: 24,576 cells in 6,144 chunks of 4. */
  static final Planet LEVEL_6 =
      new PlanetGenerator().generate(PlanetConfig.earthLike(42).withTerrainLevel(6));

  /** Terrain level 3 (coarser than the chunk level): 384 cells, one per chunk. */
  static final Planet LEVEL_3 =
      new PlanetGenerator().generate(PlanetConfig.earthLike(7).withTerrainLevel(3));

  private TestPlanets() {}
}
