package org.bluemarble.planet.geojson;

import org.bluemarble.planet.Biome;
import org.locationtech.jts.geom.Polygon;

/**
 * One connected piece of one biome, in longitude/latitude degrees (x = longitude -180..180, y =
 * latitude), never crossing the antimeridian, valid by JTS.
 *
 * @param biome the biome covering it
 * @param polygon its outline (holes are other biomes)
 * @param areaKm2 its area on the planet's sphere, square kilometres
 */
public record BiomePolygon(Biome biome, Polygon polygon, double areaKm2) {}
