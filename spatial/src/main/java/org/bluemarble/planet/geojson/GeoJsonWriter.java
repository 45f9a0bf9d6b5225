package org.bluemarble.planet.geojson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes biome polygons as an RFC 7946 GeoJSON FeatureCollection: one Feature per polygon with
 * properties {@code biome} (companion name), {@code areaKm2} and {@code color} ({@code #RRGGBB});
 * coordinates are [longitude, latitude] with 6 decimals (about 0.1 m), exterior rings
 * counter-clockwise and holes clockwise.
 */
public final class GeoJsonWriter {

  private GeoJsonWriter() {}

  /** The FeatureCollection as a string. */
  public static String toGeoJson(List<BiomePolygon> polygons) {
    StringBuilder sb = new StringBuilder(polygons.size() * 512);
    append(polygons, sb);
    return sb.toString();
  }

  /** Writes the FeatureCollection to {@code out}, one feature at a time. */
  public static void write(List<BiomePolygon> polygons, Writer out) throws IOException {
    out.write("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < polygons.size(); i++) {
      StringBuilder sb = new StringBuilder(1024);
      if (i > 0) {
        sb.append(',');
      }
      appendFeature(polygons.get(i), sb);
      out.write(sb.toString());
    }
    out.write("]}");
  }

  /** Writes the FeatureCollection to a UTF-8 file, creating parent directories. */
  public static void write(List<BiomePolygon> polygons, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        write(polygons, w);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write GeoJSON " + file, e);
    }
  }

  private static void append(List<BiomePolygon> polygons, StringBuilder sb) {
    sb.append("{\"type\":\"FeatureCollection\",\"features\":[");
    for (int i = 0; i < polygons.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      appendFeature(polygons.get(i), sb);
    }
    sb.append("]}");
  }

  private static void appendFeature(BiomePolygon p, StringBuilder sb) {
    sb.append("{\"type\":\"Feature\",\"properties\":{\"biome\":\"")
        .append(p.biome().wireName())
        .append("\",\"areaKm2\":");
    appendNumber(Math.round(p.areaKm2() * 10) / 10.0, sb);
    sb.append(",\"color\":\"")
        .append(p.biome().hexColor())
        .append("\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[");
    Polygon polygon = p.polygon();
    appendRing(polygon.getExteriorRing(), true, sb);
    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
      sb.append(',');
      appendRing(polygon.getInteriorRingN(h), false, sb);
    }
    sb.append("]}}");
  }

  private static void appendRing(LinearRing ring, boolean counterClockwise, StringBuilder sb) {
    Coordinate[] coords = ring.getCoordinates();
    boolean reverse = Orientation.isCCW(coords) != counterClockwise;
    sb.append('[');
    for (int i = 0; i < coords.length; i++) {
      Coordinate c = coords[reverse ? coords.length - 1 - i : i];
      if (i > 0) {
        sb.append(',');
      }
      sb.append('[');
      appendNumber(c.getX(), sb);
      sb.append(',');
      appendNumber(c.getY(), sb);
      sb.append(']');
    }
    sb.append(']');
  }

  /** Plain decimal with at most 6 fractional digits (never exponent notation). */
  static void appendNumber(double v, StringBuilder sb) {
    long micro = Math.round(v * 1e6);
    if (micro < 0) {
      sb.append('-');
      micro = -micro;
    }
    sb.append(micro / 1_000_000);
    long frac = micro % 1_000_000;
    if (frac != 0) {
      String digits = Long.toString(frac + 1_000_000).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(digits, 0, end);
    }
  }
}
