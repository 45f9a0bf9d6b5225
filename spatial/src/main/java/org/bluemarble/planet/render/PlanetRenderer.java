package org.bluemarble.planet.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.TerrainQuery;

/**
 * Draws a planet as an equirectangular (plate carrée) image: x is longitude from -180° at the left
 * edge, y latitude from +90° at the top, each pixel coloured by the biome at its centre ({@link
 * org.bluemarble.planet.Biome#rgb()}). Optional hillshade lights the relief from the north-west.
 * Stateless; rows are drawn in parallel.
 */
public final class PlanetRenderer {

  /** Vertical exaggeration of the hillshade, so 20 km cells show their relief. */
  private static final double EXAGGERATION = 50.0;

  private PlanetRenderer() {}

  /**
   * Renders {@code planet} at {@code width} x {@code height} pixels (each 1..16384).
   *
   * @param hillshade whether to shade land by slope (sea keeps its flat colour, darker with depth)
   */
  public static BufferedImage render(Planet planet, int width, int height, boolean hillshade) {
    checkSize("width", width);
    checkSize("height", height);
    TerrainQuery query = planet.terrainQuery();
    float[] elevation = new float[width * height];
    int[] rgb = new int[width * height];
    IntStream.range(0, height)
        .parallel()
        .forEach(
            row -> {
              double lat = latitude(row, height);
              for (int col = 0; col < width; col++) {
                double lng = longitude(col, width);
                int k = row * width + col;
                elevation[k] = (float) query.elevation(lat, lng);
                rgb[k] = query.biome(lat, lng).rgb();
              }
            });
    if (hillshade) {
      shade(planet.config().radiusMeters(), width, height, elevation, rgb);
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, width, height, rgb, 0, width);
    return image;
  }

  /** Writes {@code image} as a PNG file, creating parent directories. */
  public static void writePng(BufferedImage image, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!ImageIO.write(image, "png", file.toFile())) {
        throw new IllegalStateException("no PNG writer available in this JVM");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write PNG " + file, e);
    }
  }

  private static void shade(double radius, int width, int height, float[] elevation, int[] rgb) {
    double dLat = Math.toRadians(180.0 / height) * radius;
    // Light from the north-west, 45° above the horizon.
    double lx = -Math.sqrt(0.5) * Math.sqrt(0.5);
    double ly = Math.sqrt(0.5) * Math.sqrt(0.5);
    double lz = Math.sqrt(0.5);
    IntStream.range(0, height)
        .parallel()
        .forEach(
            row -> {
              double lat = Math.toRadians(latitude(row, height));
              double dLng = Math.max(1.0, Math.toRadians(360.0 / width) * radius * Math.cos(lat));
              int up = Math.max(0, row - 1);
              int down = Math.min(height - 1, row + 1);
              for (int col = 0; col < width; col++) {
                int k = row * width + col;
                float e = elevation[k];
                if (e < 0) {
                  double depth = Math.min(1.0, -e / 6000.0);
                  rgb[k] = scale(rgb[k], 1.0 - 0.45 * depth);
                  continue;
                }
                int left = row * width + (col + width - 1) % width;
                int right = row * width + (col + 1) % width;
                double dzdx = (elevation[right] - elevation[left]) / (2 * dLng) * EXAGGERATION;
                double dzdy =
                    (elevation[up * width + col] - elevation[down * width + col])
                        / ((down - up) * dLat)
                        * EXAGGERATION;
                double n = Math.sqrt(dzdx * dzdx + dzdy * dzdy + 1);
                double light = (-dzdx * lx - dzdy * ly + lz) / n;
                rgb[k] = scale(rgb[k], 0.55 + 0.65 * Math.max(0, light));
              }
            });
  }

  private static int scale(int rgb, double f) {
    int r = clamp((int) Math.round(((rgb >> 16) & 0xFF) * f));
    int g = clamp((int) Math.round(((rgb >> 8) & 0xFF) * f));
    int b = clamp((int) Math.round((rgb & 0xFF) * f));
    return (r << 16) | (g << 8) | b;
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  private static double latitude(int row, int height) {
    return 90.0 - (row + 0.5) * 180.0 / height;
  }

  private static double longitude(int col, int width) {
    return -180.0 + (col + 0.5) * 360.0 / width;
  }

  private static void checkSize(String name, int value) {
    if (value < 1 || value > 16384) {
      throw new IllegalArgumentException(name + " " + value + " is outside 1..16384 pixels");
    }
  }
}
