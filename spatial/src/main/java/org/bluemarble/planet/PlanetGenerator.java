package org.bluemarble.planet;

import java.util.SplittableRandom;
import org.bluemarble.planet.internal.CellGrid;
import org.bluemarble.planet.internal.PlateAssignment;
import org.bluemarble.planet.internal.PlateLayout;
import org.bluemarble.planet.internal.Relief;
import org.bluemarble.planet.internal.SurfaceClimate;
import org.bluemarble.planet.internal.Tectonics;

/**
 * Generates a {@link Planet} from a {@link PlanetConfig}: plates on a jittered Fibonacci sphere,
 * spherical Voronoi plates, continental/oceanic plates for the ocean share, relief at plate borders
 * from their relative motion, fractal noise detail, a sea level that meets the ocean share, the
 * companion climate formulas, and biomes by {@link BiomeClassifier}.
 *
 * <p>Deterministic: the same config gives the same planet bit for bit. Per-cell work runs in
 * parallel on the common fork-join pool, but every cell's value depends only on its own inputs, and
 * every sum runs sequentially in cell order. Stateless and thread-safe; callers on an actor thread
 * must run it on a dedicated executor (it takes seconds).
 */
public final class PlanetGenerator {

  /** Generates without progress reporting. */
  public Planet generate(PlanetConfig config) {
    return generate(config, ProgressListener.NONE);
  }

  /** Generates, reporting each stage's start and end to {@code listener} (ends at 100 %). */
  public Planet generate(PlanetConfig config, ProgressListener listener) {
    long seed = config.seed();
    SplittableRandom random = new SplittableRandom(seed);

    start(listener, GenerationStage.GENERATING_PLATES);
    CellGrid grid = CellGrid.build(config.terrainLevel());
    PlateLayout plates = PlateLayout.create(config.plateCount(), random.split());
    PlateAssignment assignment = PlateAssignment.assign(grid, plates, seed);
    double[] plateArea = new double[config.plateCount()];
    for (int k = 0; k < grid.count(); k++) {
      plateArea[assignment.plate(k)] += grid.areaShare(k);
    }
    plates.assignContinents(plateArea, config.oceanCoverage(), random.split());

    start(listener, GenerationStage.APPLYING_TECTONICS);
    float[] elevation = Tectonics.elevations(grid, plates, assignment, seed);

    start(listener, GenerationStage.ADDING_DETAIL);
    Relief.addDetail(grid, elevation, seed);
    Relief.applySeaLevel(grid, elevation, config.oceanCoverage());
    Relief.roughenCoasts(grid, elevation, seed);
    Relief.applySeaLevel(grid, elevation, config.oceanCoverage());

    start(listener, GenerationStage.COMPUTING_CLIMATE);
    float[] temperature = new float[grid.count()];
    float[] precipitation = new float[grid.count()];
    SurfaceClimate.compute(grid, elevation, config.climate(), seed, temperature, precipitation);

    start(listener, GenerationStage.CLASSIFYING_BIOMES);
    byte[] biome = new byte[grid.count()];
    SurfaceClimate.classify(grid, elevation, temperature, precipitation, seed, biome);

    start(listener, GenerationStage.FINALIZING);
    boolean[] continental = new boolean[config.plateCount()];
    for (int p = 0; p < continental.length; p++) {
      continental[p] = plates.isContinental(p);
    }
    Planet planet =
        Planet.assemble(
            config,
            grid,
            new PlanetSamples(
                elevation, temperature, precipitation, biome, assignment.plates(), continental));
    listener.onProgress(GenerationStage.FINALIZING, 100);
    return planet;
  }

  private static void start(ProgressListener listener, GenerationStage stage) {
    listener.onProgress(stage, stage.startPercent());
  }
}
