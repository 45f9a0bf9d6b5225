package org.bluemarble.persistence.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.bluemarble.planet.Planet;
import org.bluemarble.planet.PlanetSamples;
import org.bluemarble.spatial.CellIdRange;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.GeoRect;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.Sphere;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link TerrainStore} adapter must show, run against a real database by each
 * subclass. {@link #store()} is a fresh, empty store for each test.
 */
abstract class TerrainStoreContractTest {

  /** Generous: a cold database on a busy 2-core machine. Not a performance assertion. */
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /** An empty store backed by a database of its own. */
  abstract TerrainStore store();

  /** Another store on the same database whose saves are stamped by {@code clock}. */
  abstract TerrainStore storeWithClock(Clock clock);

  /** Deletes one chunk record of a stored planet behind the store's back. */
  abstract void removeOneChunk(String planetId) throws Exception;

  static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("store call failed", e);
    }
  }

  static StoredPlanetInfo save(TerrainStore store, String id, Planet planet) {
    return await(store.save(id, planet.config(), planet.samples()));
  }

  @Test
  void savesAndLoadsEverySampleExactly() {
    Planet planet = TestPlanets.LEVEL_6;
    StoredPlanetInfo saved = save(store(), "earth-6", planet);

    StoredPlanet loaded = await(store().load("earth-6")).orElseThrow();

    assertThat(loaded.info()).isEqualTo(saved);
    assertThat(loaded.config()).isEqualTo(planet.config());
    assertThat(loaded.info().contentHash()).isEqualTo(planet.contentHash());
    assertThat(loaded.info().cellCount()).isEqualTo(planet.cellCount());
    assertThat(loaded.samples().sameValues(planet.samples())).isTrue();
    assertThat(loaded.toPlanet().contentHash()).isEqualTo(planet.contentHash());
  }

  @Test
  void roundTripsAPlanetCoarserThanTheChunkLevel() {
    Planet planet = TestPlanets.LEVEL_3;
    save(store(), "tiny", planet);

    StoredPlanet loaded = await(store().load("tiny")).orElseThrow();

    assertThat(loaded.samples().sameValues(planet.samples())).isTrue();
    assertThat(loaded.toPlanet().contentHash()).isEqualTo(planet.contentHash());
  }

  @Test
  void unknownPlanetIsEmptyEverywhere() {
    assertThat(await(store().load("nowhere"))).isEmpty();
    assertThat(await(store().readRegion("nowhere", List.of(everything())))).isEmpty();
    assertThat(await(store().list())).isEmpty();
    assertThat(await(store().delete("nowhere"))).isFalse();
  }

  @Test
  void regionReadEqualsBruteForceFilteringForRandomCapsAndRects() {
    Planet planet = TestPlanets.LEVEL_6;
    save(store(), "earth-6", planet);
    Random random = new Random(20261125L);
    int nonEmpty = 0;
    for (int i = 0; i < 40; i++) {
      List<CellIdRange> ranges = i % 2 == 0 ? randomCap(random) : randomRect(random);
      if (assertRegionMatchesBruteForce(planet, ranges) > 0) {
        nonEmpty++;
      }
    }
    assertThat(nonEmpty).as("regions that hold at least one cell").isGreaterThan(30);
  }

  @Test
  void regionReadWorksAcrossTheAntimeridianThePolesAndTheSignBoundary() {
    Planet planet = TestPlanets.LEVEL_6;
    save(store(), "earth-6", planet);
    Sphere earth = Sphere.EARTH;
    // Crosses the antimeridian at the equator (cube face 3).
    assertRegionMatchesBruteForce(planet, rect(new GeoRect(-20, 170, 25, -165)));
    // Around both poles (faces 2 and 5), at the terrain level and coarser.
    assertRegionMatchesBruteForce(
        planet,
        SpatialCells.scanRanges(
            SpatialCells.coverCapAtLevel(GeoPosition.of(90, 0), 1_500_000, earth, 6)));
    assertRegionMatchesBruteForce(
        planet,
        SpatialCells.scanRanges(
            SpatialCells.coverCap(GeoPosition.of(-90, 0), 2_000_000, earth, 8)));
    // Faces 3 and 4 together: the ids change sign between them.
    assertRegionMatchesBruteForce(planet, rect(new GeoRect(-60, 150, 10, -60)));
    // The whole sphere.
    assertRegionMatchesBruteForce(planet, List.of(everything()));
    assertThat(await(store().readRegion("earth-6", List.of()))).isEmpty();
  }

  @Test
  void regionReadOnACoarsePlanetMatchesBruteForce() {
    Planet planet = TestPlanets.LEVEL_3;
    save(store(), "tiny", planet);
    Random random = new Random(3);
    for (int i = 0; i < 10; i++) {
      assertRegionMatchesBruteForce(planet, "tiny", randomCap(random));
    }
  }

  @Test
  void savingTwiceReplacesThePlanet() {
    save(store(), "p", TestPlanets.LEVEL_6);
    save(store(), "p", TestPlanets.LEVEL_6);
    assertThat(await(store().list())).hasSize(1);
    assertThat(
            await(store().load("p"))
                .orElseThrow()
                .samples()
                .sameValues(TestPlanets.LEVEL_6.samples()))
        .isTrue();

    save(store(), "p", TestPlanets.LEVEL_3);

    StoredPlanet loaded = await(store().load("p")).orElseThrow();
    assertThat(loaded.config()).isEqualTo(TestPlanets.LEVEL_3.config());
    assertThat(loaded.samples().sameValues(TestPlanets.LEVEL_3.samples())).isTrue();
    assertThat(await(store().list()))
        .extracting(StoredPlanetInfo::contentHash)
        .containsExactly(TestPlanets.LEVEL_3.contentHash());
    assertThat(await(store().readRegion("p", List.of(everything()))))
        .hasSize(TestPlanets.LEVEL_3.cellCount());
  }

  @Test
  void listsEveryPlanetSortedById() {
    save(store(), "b-planet", TestPlanets.LEVEL_3);
    save(store(), "a-planet", TestPlanets.LEVEL_6);

    List<StoredPlanetInfo> all = await(store().list());

    assertThat(all).extracting(StoredPlanetInfo::planetId).containsExactly("a-planet", "b-planet");
    assertThat(all.get(0).name()).isEqualTo(TestPlanets.LEVEL_6.config().name());
    assertThat(all.get(0).contentHash()).isEqualTo(TestPlanets.LEVEL_6.contentHash());
    assertThat(all.get(1).cellCount()).isEqualTo(384);
    assertThat(all.get(1).config()).isEqualTo(TestPlanets.LEVEL_3.config());
  }

  @Test
  void deleteRemovesOnlyThatPlanet() {
    save(store(), "gone", TestPlanets.LEVEL_6);
    save(store(), "kept", TestPlanets.LEVEL_3);

    assertThat(await(store().delete("gone"))).isTrue();

    assertThat(await(store().load("gone"))).isEmpty();
    assertThat(await(store().readRegion("gone", List.of(everything())))).isEmpty();
    assertThat(await(store().list()))
        .extracting(StoredPlanetInfo::planetId)
        .containsExactly("kept");
    assertThat(await(store().load("kept"))).isPresent();
    assertThat(await(store().delete("gone"))).isFalse();
  }

  @Test
  void stampsEachSaveWithTheStoresClockToTheMillisecond() {
    Instant at = Instant.parse("2026-11-25T02:00:00.123456Z");
    TerrainStore clocked = storeWithClock(Clock.fixed(at, ZoneOffset.UTC));

    StoredPlanetInfo info = save(clocked, "clocked", TestPlanets.LEVEL_3);

    Instant millis = Instant.parse("2026-11-25T02:00:00.123Z");
    assertThat(info.createdAt()).isEqualTo(millis);
    assertThat(await(store().list()))
        .extracting(StoredPlanetInfo::createdAt)
        .containsExactly(millis);
  }

  @Test
  void aMissingChunkFailsInsteadOfReturningPartialData() throws Exception {
    save(store(), "damaged", TestPlanets.LEVEL_6);
    removeOneChunk("damaged");

    assertThatThrownBy(() -> await(store().load("damaged")))
        .hasRootCauseInstanceOf(TerrainStoreException.class)
        .rootCause()
        .hasMessageContaining("6143 of 6144 chunks");
    assertThatThrownBy(() -> await(store().readRegion("damaged", List.of(everything()))))
        .hasRootCauseInstanceOf(TerrainStoreException.class)
        .rootCause()
        .hasMessageContaining("6143 of 6144 chunks of the region");
  }

  @Test
  void rejectsMalformedPlanetIdsAndSamplesThatDoNotFit() {
    Planet planet = TestPlanets.LEVEL_3;
    assertThatThrownBy(() -> store().load("no spaces"))
        .isInstanceOf(InvalidTerrainRequestException.class)
        .hasMessageContaining("planetId");
    assertThatThrownBy(() -> store().save("x".repeat(65), planet.config(), planet.samples()))
        .isInstanceOf(InvalidTerrainRequestException.class);
    assertThatThrownBy(() -> store().save("ok", TestPlanets.LEVEL_6.config(), planet.samples()))
        .isInstanceOf(InvalidTerrainRequestException.class)
        .hasMessageContaining("samples.elevation.length");
    PlanetSamples bad = planet.samples();
    bad.biome()[17] = 99;
    assertThatThrownBy(() -> store().save("ok", planet.config(), bad))
        .isInstanceOf(InvalidTerrainRequestException.class)
        .hasMessageContaining("samples.biome[17] = 99");
    assertThatThrownBy(() -> store().readRegion("ok", null))
        .isInstanceOf(InvalidTerrainRequestException.class);
    assertThat(await(store().list())).isEmpty();
  }

  private int assertRegionMatchesBruteForce(Planet planet, List<CellIdRange> ranges) {
    return assertRegionMatchesBruteForce(planet, "earth-6", ranges);
  }

  /** Asserts that the store returns exactly the brute-force selection; returns its size. */
  private int assertRegionMatchesBruteForce(Planet planet, String id, List<CellIdRange> ranges) {
    List<TerrainSample> expected = new ArrayList<>();
    for (int k = 0; k < planet.cellCount(); k++) {
      long cellId = planet.cellId(k).id();
      if (ranges.stream().anyMatch(r -> r.contains(cellId))) {
        expected.add(
            new TerrainSample(
                cellId,
                planet.elevation(k),
                planet.temperature(k),
                planet.precipitation(k),
                planet.biomeOrdinal(k),
                planet.plateId(k)));
      }
    }
    assertThat(await(store().readRegion(id, ranges))).as("ranges %s", ranges).isEqualTo(expected);
    return expected.size();
  }

  private static List<CellIdRange> randomCap(Random random) {
    GeoPosition centre = randomPosition(random);
    double radius = 50_000 + random.nextDouble() * 3_000_000;
    int maxCells = 1 + random.nextInt(20);
    return SpatialCells.scanRanges(SpatialCells.coverCap(centre, radius, Sphere.EARTH, maxCells));
  }

  private static List<CellIdRange> randomRect(Random random) {
    double south = -90 + random.nextDouble() * 170;
    double north = Math.min(90, south + random.nextDouble() * 40);
    double west = -180 + random.nextDouble() * 360;
    double east = west + random.nextDouble() * 60;
    if (east > 180) {
      east -= 360;
    }
    return rect(new GeoRect(south, west, north, east));
  }

  private static List<CellIdRange> rect(GeoRect rect) {
    return SpatialCells.scanRanges(SpatialCells.coverRect(rect, 24));
  }

  private static GeoPosition randomPosition(Random random) {
    double lat = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
    return GeoPosition.of(lat, -180 + random.nextDouble() * 360);
  }

  private static CellIdRange everything() {
    return new CellIdRange(Long.MIN_VALUE, Long.MAX_VALUE);
  }
}
