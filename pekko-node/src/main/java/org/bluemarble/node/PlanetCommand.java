package org.bluemarble.node;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.InvalidPlanetConfigException;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetGenerator;
import org.bluemarble.planet.TextProgressBar;
import org.bluemarble.planet.geojson.BiomePolygon;
import org.bluemarble.planet.geojson.BiomePolygons;
import org.bluemarble.planet.geojson.GeoJsonWriter;
import org.bluemarble.planet.render.PlanetRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bluemarble-node planet}: generates a planet and renders it as an equirectangular PNG
 * coloured by biome, with a progress bar on the terminal; optionally writes the biome polygons as
 * GeoJSON.
 */
@Command(
    name = "planet",
    mixinStandardHelpOptions = true,
    description = "Generate a planet and render it as an equirectangular PNG coloured by biome.")
final class PlanetCommand implements Callable<Integer> {

  @Option(
      names = "--seed",
      description = "Seed (same seed and options: same planet).",
      defaultValue = "42")
  long seed;

  @Option(names = "--plates", description = "Tectonic plates, 3-50.", defaultValue = "12")
  int plates;

  @Option(names = "--ocean", description = "Ocean share, 0-1.", defaultValue = "0.71")
  double ocean;

  @Option(
      names = "--radius",
      description = "Radius in metres, 1,000,000-20,000,000.",
      defaultValue = "6371000")
  double radius;

  @Option(
      names = "--level",
      description = "S2 level of the terrain samples, 3-10.",
      defaultValue = "9")
  int level;

  @Option(names = "--out", description = "PNG file to write.", defaultValue = "planet.png")
  Path out;

  @Option(
      names = "--width",
      description = "Image width in pixels (height is half).",
      defaultValue = "2048")
  int width;

  @Option(names = "--no-hillshade", description = "Flat biome colours without relief shading.")
  boolean noHillshade;

  @Option(
      names = "--geojson",
      description = "Also write the biome polygons as GeoJSON to this file.")
  Path geojson;

  @Override
  public Integer call() {
    PrintStream err = System.err;
    PlanetConfig config;
    try {
      config =
          new PlanetConfig(
              "Planet " + seed, radius, plates, ocean, seed, ClimateConfig.EARTH_LIKE, level);
    } catch (InvalidPlanetConfigException e) {
      err.println("bluemarble-node planet: " + e.getMessage());
      return Main.BAD_CONFIGURATION;
    }
    if (width < 16 || width > 16_384) {
      err.println("bluemarble-node planet: --width must be 16-16384, was " + width);
      return Main.BAD_CONFIGURATION;
    }
    long start = System.nanoTime();
    Planet planet = new PlanetGenerator().generate(config, new TextProgressBar(err));
    PlanetRenderer.writePng(PlanetRenderer.render(planet, width, width / 2, !noHillshade), out);
    System.out.println("wrote " + out.toAbsolutePath());
    if (geojson != null) {
      List<BiomePolygon> polygons = BiomePolygons.build(planet, BiomePolygons.DEFAULT_LEVEL);
      GeoJsonWriter.write(polygons, geojson);
      System.out.println(
          "wrote " + geojson.toAbsolutePath() + " (" + polygons.size() + " polygons)");
    }
    System.out.printf(
        "planet %s: %d cells, ocean %.1f %%, hash %s, %.1f s%n",
        config.name(),
        planet.cellCount(),
        planet.stats().oceanShare() * 100,
        planet.contentHash().substring(0, 16),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
