package org.bluemarble.node;

import org.bluemarble.planet.TerrainQuery;
import org.bluemarble.zone.Terrain;

/**
 * The zone simulation's view of the world planet: interpolated elevation and the nearest sample's
 * biome.
 */
record PlanetTerrain(TerrainQuery query) implements Terrain {

  @Override
  public double elevationMeters(double latitudeDeg, double longitudeDeg) {
    return query.elevation(latitudeDeg, longitudeDeg);
  }

  @Override
  public String biome(double latitudeDeg, double longitudeDeg) {
    return query.biome(latitudeDeg, longitudeDeg).wireName();
  }
}
