package org.bluemarble.planet;

import com.google.common.geometry.S2Point;
import org.bluemarble.planet.internal.CellGrid;
import org.bluemarble.planet.internal.CubeFace;

/**
 * Terrain look-ups for the simulation, from memory and allocation-free (well under 1 µs a query).
 * Elevation is bilinear between the four nearest cell centres in the cube face's (s, t) grid;
 * neighbours beyond a face edge are taken from the adjacent face. Within {@link #SEAM_BLEND_CELLS}
 * of a face edge the bilinear surfaces of the faces around the point are blended with weights that
 * fall to zero that far beyond each face, so elevation is continuous everywhere, also where three
 * faces meet (where a face's 2×2 stencil has no fourth cell and the faces' surfaces would otherwise
 * disagree by metres: cliffs under a walker's feet). Biome and climate come from the cell
 * containing the point. Elevation and biome are copied once into (face, i, j) order (5 bytes per
 * cell) so the four neighbours of a query share cache lines. Thread-safe (read-only).
 */
public final class TerrainQuery {

  /** Elevation below which water counts as deep ocean (the continental shelf edge), metres. */
  public static final double DEEP_OCEAN_ELEVATION = -200.0;

  /**
   * Half-width in grid cells of the band along face edges where neighbouring faces' surfaces are
   * blended. Below half a cell, so elevation at every cell centre stays the cell's sample.
   */
  static final double SEAM_BLEND_CELLS = 0.25;

  private final Planet planet;
  private final CellGrid grid;
  private final int size;
  private final double radius;
  // Samples in (face, i, j) order: slot = (face · size + i) · size + j.
  private final float[] elevationIj;
  private final byte[] biomeIj;

  TerrainQuery(Planet planet) {
    this.planet = planet;
    this.grid = planet.grid();
    this.size = grid.size();
    this.radius = planet.config().radiusMeters();
    float[] elevation = planet.elevations();
    byte[] biome = planet.biomes();
    this.elevationIj = new float[elevation.length];
    this.biomeIj = new byte[biome.length];
    for (int face = 0; face < 6; face++) {
      for (int i = 0; i < size; i++) {
        for (int j = 0; j < size; j++) {
          int slot = (face * size + i) * size + j;
          int index = grid.indexOfFaceIj(face, i, j);
          elevationIj[slot] = elevation[index];
          biomeIj[slot] = biome[index];
        }
      }
    }
  }

  /** Interpolated elevation in metres above sea level at a latitude/longitude in degrees. */
  public double elevation(double latDegrees, double lngDegrees) {
    checkLatLng(latDegrees, lngDegrees);
    double lat = Math.toRadians(latDegrees);
    double lng = Math.toRadians(lngDegrees);
    double cl = Math.cos(lat);
    return elevationAt(cl * Math.cos(lng), cl * Math.sin(lng), Math.sin(lat));
  }

  /** Interpolated elevation in metres at a point given as a direction from the centre. */
  public double elevation(S2Point point) {
    return elevationAt(point.getX(), point.getY(), point.getZ());
  }

  private double elevationAt(double x, double y, double z) {
    int face = CubeFace.face(x, y, z);
    double s = CubeFace.uvToSt(CubeFace.u(face, x, y, z));
    double t = CubeFace.uvToSt(CubeFace.v(face, x, y, z));
    if (cellsInside(s, t) >= SEAM_BLEND_CELLS) {
      return onFace(face, s, t);
    }
    // Near an edge: blend the surfaces of the (up to three) faces whose half-space holds the
    // point; each weighs 1/2 on its edge, 1 that far inside and 0 that far beyond.
    double sum = 0.0;
    double weights = 0.0;
    for (int axis = 0; axis < 3; axis++) {
      double c = axis == 0 ? x : axis == 1 ? y : z;
      if (c == 0.0) {
        continue;
      }
      int f = c > 0.0 ? axis : axis + 3;
      double sf = CubeFace.uvToSt(CubeFace.u(f, x, y, z));
      double tf = CubeFace.uvToSt(CubeFace.v(f, x, y, z));
      double w = (cellsInside(sf, tf) + SEAM_BLEND_CELLS) / (2.0 * SEAM_BLEND_CELLS);
      if (w > 0.0) {
        w = Math.min(1.0, w);
        sum += w * onFace(f, sf, tf);
        weights += w;
      }
    }
    return sum / weights;
  }

  /** How far (s, t) lies inside its face, in grid cells (negative beyond an edge). */
  private double cellsInside(double s, double t) {
    return size * Math.min(Math.min(s, 1.0 - s), Math.min(t, 1.0 - t));
  }

  /** The bilinear surface of {@code face} at (s, t), which may lie a little beyond the face. */
  private double onFace(int face, double s, double t) {
    double gx = s * size - 0.5;
    double gy = t * size - 0.5;
    int i0 = (int) Math.floor(gx);
    int j0 = (int) Math.floor(gy);
    double fx = gx - i0;
    double fy = gy - j0;
    double e00 = sample(face, i0, j0);
    double e10 = sample(face, i0 + 1, j0);
    double e01 = sample(face, i0, j0 + 1);
    double e11 = sample(face, i0 + 1, j0 + 1);
    double bottom = e00 + fx * (e10 - e00);
    double top = e01 + fx * (e11 - e01);
    return bottom + fy * (top - bottom);
  }

  private double sample(int face, int i, int j) {
    if (i >= 0 && j >= 0 && i < size && j < size) {
      return elevationIj[(face * size + i) * size + j];
    }
    // A cell centre just beyond this face's edge: find which cell of the next face holds it.
    double[] p = new double[3];
    CubeFace.faceUvToXyz(
        face, CubeFace.stToUv((i + 0.5) / size), CubeFace.stToUv((j + 0.5) / size), p);
    return elevationIj[slotOfPoint(p[0], p[1], p[2])];
  }

  private int slotOfPoint(double x, double y, double z) {
    int face = CubeFace.face(x, y, z);
    int i = grid.clampIj(CubeFace.uvToSt(CubeFace.u(face, x, y, z)));
    int j = grid.clampIj(CubeFace.uvToSt(CubeFace.v(face, x, y, z)));
    return (face * size + i) * size + j;
  }

  /** Index of the sample (cell) containing the point. */
  public int cellIndex(double latDegrees, double lngDegrees) {
    checkLatLng(latDegrees, lngDegrees);
    double lat = Math.toRadians(latDegrees);
    double lng = Math.toRadians(lngDegrees);
    double cl = Math.cos(lat);
    return grid.indexOfPoint(cl * Math.cos(lng), cl * Math.sin(lng), Math.sin(lat));
  }

  /** Biome of the cell containing the point. */
  public Biome biome(double latDegrees, double lngDegrees) {
    checkLatLng(latDegrees, lngDegrees);
    double lat = Math.toRadians(latDegrees);
    double lng = Math.toRadians(lngDegrees);
    double cl = Math.cos(lat);
    return Biome.ofOrdinal(
        biomeIj[slotOfPoint(cl * Math.cos(lng), cl * Math.sin(lng), Math.sin(lat))]);
  }

  /** Annual mean temperature in °C of the cell containing the point. */
  public double temperature(double latDegrees, double lngDegrees) {
    return planet.temperature(cellIndex(latDegrees, lngDegrees));
  }

  /** Precipitation in mm/yr of the cell containing the point. */
  public double precipitation(double latDegrees, double lngDegrees) {
    return planet.precipitation(cellIndex(latDegrees, lngDegrees));
  }

  /** True when the interpolated elevation is below sea level. */
  public boolean isWater(double latDegrees, double lngDegrees) {
    return elevation(latDegrees, lngDegrees) < 0;
  }

  /**
   * True when the point is deeper than {@value #DEEP_OCEAN_ELEVATION} m; the zone simulation
   * forbids walking there.
   */
  public boolean isDeepOcean(double latDegrees, double lngDegrees) {
    return elevation(latDegrees, lngDegrees) < DEEP_OCEAN_ELEVATION;
  }

  /**
   * Slope from the first point to the second: elevation change divided by great-circle distance on
   * the planet's surface (dimensionless; 1.0 is 45° uphill, negative is downhill). 0 for equal
   * points.
   */
  public double slope(double lat1, double lng1, double lat2, double lng2) {
    double distance = surfaceDistance(lat1, lng1, lat2, lng2);
    if (distance == 0) {
      return 0;
    }
    return (elevation(lat2, lng2) - elevation(lat1, lng1)) / distance;
  }

  /** Slope between two points as an angle in degrees (see {@link #slope}). */
  public double slopeDegrees(double lat1, double lng1, double lat2, double lng2) {
    return Math.toDegrees(Math.atan(slope(lat1, lng1, lat2, lng2)));
  }

  /** Great-circle distance in metres on this planet (haversine). */
  public double surfaceDistance(double lat1, double lng1, double lat2, double lng2) {
    checkLatLng(lat1, lng1);
    checkLatLng(lat2, lng2);
    double p1 = Math.toRadians(lat1);
    double p2 = Math.toRadians(lat2);
    double dp = p2 - p1;
    double dl = Math.toRadians(lng2 - lng1);
    double h =
        Math.sin(dp / 2) * Math.sin(dp / 2)
            + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * radius * Math.asin(Math.min(1.0, Math.sqrt(h)));
  }

  private static void checkLatLng(double lat, double lng) {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("latitude " + lat + " is outside -90..90 degrees");
    }
    if (!Double.isFinite(lng)) {
      throw new IllegalArgumentException("longitude " + lng + " is not a finite number of degrees");
    }
  }
}
