package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.zone.internal.BiomeTables;

/**
 * Deterministic population of a cell: the same planet seed, cell and terrain always give the same
 * creatures and resource nodes, so a cell re-homed on another node, or replayed, shows the same
 * world. A fixed number of candidate points is drawn uniformly over the cell; each one on land is
 * used with the probability its biome's density gives, and the biome picks the kind.
 */
public final class WorldSpawner {
  /** Candidate points drawn per cell for creatures. */
  public static final int NPC_CANDIDATES = 32;

  /** Candidate points drawn per cell for resource nodes. */
  public static final int RESOURCE_CANDIDATES = 24;

  private static final long NPC_STREAM = 0x4E50_4353L;
  private static final long RESOURCE_STREAM = 0x5245_534FL;

  private final long planetSeed;
  private final Terrain terrain;
  private final double deepOceanThreshold;

  /** A spawner for one planet. */
  public WorldSpawner(long planetSeed, Terrain terrain, ZoneSettings settings) {
    this.planetSeed = planetSeed;
    this.terrain = terrain;
    this.deepOceanThreshold = settings.deepOceanThresholdMeters();
  }

  private SplittableRandom random(S2CellId cell, long stream) {
    return new SplittableRandom(EntityIds.mix(planetSeed ^ EntityIds.mix(cell.id() + stream)));
  }

  /** The creatures of {@code cell}, in spawn order. */
  public List<NpcSpawn> creatures(S2CellId cell) {
    return spawn(
        cell,
        NPC_STREAM,
        NPC_CANDIDATES,
        BiomeTables.Entry::creatures,
        BiomeTables.Entry::creatureDensity,
        (i, kind, at) -> new NpcSpawn(EntityIds.npc(cell, i), kind, at));
  }

  /** The resource nodes of {@code cell}, in spawn order. */
  public List<ResourceSpawn> resources(S2CellId cell) {
    return spawn(
        cell,
        RESOURCE_STREAM,
        RESOURCE_CANDIDATES,
        BiomeTables.Entry::resources,
        BiomeTables.Entry::resourceDensity,
        (i, kind, at) -> new ResourceSpawn(EntityIds.resourceNode(cell, i), kind, at));
  }

  /** Builds one spawn from its candidate index, kind and ground position. */
  private interface SpawnFactory<K, S> {
    S create(int candidate, K kind, GeoPosition at);
  }

  /**
   * Candidate points drawn from the cell's own random stream; each on land becomes a spawn with the
   * biome's density, of a kind picked from the biome's table. Three draws per candidate, whether it
   * spawns or not, so spawns are stable per index.
   */
  private <K, S> List<S> spawn(
      S2CellId cell,
      long stream,
      int candidates,
      Function<BiomeTables.Entry, List<K>> kindsOf,
      ToDoubleFunction<BiomeTables.Entry> densityOf,
      SpawnFactory<K, S> factory) {
    SplittableRandom random = random(cell, stream);
    List<S> out = new ArrayList<>();
    for (int i = 0; i < candidates; i++) {
      GeoPosition p = randomPointIn(cell, random);
      double roll = random.nextDouble();
      double pick = random.nextDouble();
      if (isDeepOcean(p)) {
        continue;
      }
      BiomeTables.Entry entry = BiomeTables.of(terrain.biome(p.latitudeDeg(), p.longitudeDeg()));
      List<K> kinds = kindsOf.apply(entry);
      if (kinds.isEmpty() || roll >= densityOf.applyAsDouble(entry)) {
        continue;
      }
      out.add(factory.create(i, kinds.get((int) (pick * kinds.size())), onGround(p)));
    }
    return out;
  }

  private boolean isDeepOcean(GeoPosition p) {
    return terrain.isDeepOcean(p.latitudeDeg(), p.longitudeDeg(), deepOceanThreshold);
  }

  private GeoPosition onGround(GeoPosition p) {
    return p.withAltitude(
        Math.max(0.0, terrain.elevationMeters(p.latitudeDeg(), p.longitudeDeg())));
  }

  /** A point uniform over the cell's leaf cells (uniform in S2's face coordinates). */
  private static GeoPosition randomPointIn(S2CellId cell, SplittableRandom random) {
    long first = cell.rangeMin().id();
    long leaves = ((cell.rangeMax().id() - first) >>> 1) + 1;
    long leaf = first + 2 * random.nextLong(leaves);
    return GeoPosition.fromUnitVector(new S2CellId(leaf).toPoint(), 0.0);
  }
}
