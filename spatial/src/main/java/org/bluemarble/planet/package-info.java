/**
 * Planet generation: from a {@link org.bluemarble.planet.PlanetConfig} to a {@link
 * org.bluemarble.planet.Planet} of terrain samples on the S2 cells of one level.
 *
 * <p>Pipeline ({@link org.bluemarble.planet.PlanetGenerator}, stages as in {@link
 * org.bluemarble.planet.GenerationStage}):
 *
 * <ol>
 *   <li>generating_plates: seeds on a jittered Fibonacci sphere; each cell joins the plate with the
 *       nearest seed by angle (spherical Voronoi, borders warped by noise); plates become
 *       continental until their area approaches the land share.
 *   <li>applying_tectonics: continental and oceanic base heights, then relief at each border from
 *       the plates' relative motion (collision ranges, coastal ranges over trenches, island arcs,
 *       rifts, mid-ocean ridges), fading with distance from the border.
 *   <li>adding_detail: seeded 3-D fractal gradient noise (no seams), then a sea level chosen so the
 *       ocean share matches the config to the nearest cell.
 *   <li>computing_climate: the companion temperature and precipitation formulas ({@link
 *       org.bluemarble.planet.Climate}) with a local moisture factor.
 *   <li>classifying_biomes: {@link org.bluemarble.planet.BiomeClassifier}'s documented tree.
 *   <li>finalizing: area-weighted stats and the SHA-256 content hash.
 * </ol>
 *
 * <p>Consumers: {@link org.bluemarble.planet.TerrainQuery} for per-tick look-ups, {@code
 * geojson.BiomePolygons} + {@code geojson.GeoJsonWriter} for the polygons API, {@code
 * render.PlanetRenderer} for a PNG, {@link org.bluemarble.planet.TextProgressBar} for the CLI.
 *
 * <p>Benchmarks are plain mains: {@link org.bluemarble.planet.PlanetBenchmark} (wall time per
 * stage, peak heap) and {@link org.bluemarble.planet.TerrainQueryBenchmark} (ns per query). Build
 * with {@code ./mvnw -B -q -pl spatial -am install -DskipTests}, write the classpath with {@code
 * ./mvnw -q -pl spatial dependency:build-classpath -Dmdep.outputFile=cp.txt}, then run {@code java
 * -Xmx2g -cp spatial/target/classes:$(cat spatial/cp.txt) org.bluemarble.planet.PlanetBenchmark 9
 * 42}.
 */
package org.bluemarble.planet;
