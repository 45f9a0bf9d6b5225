package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
    SplittableRandom random = random(cell, NPC_STREAM);
    List<NpcSpawn> out = new ArrayList<>();
    for (int i = 0; i < NPC_CANDIDATES; i++) {
      GeoPosition p = randomPointIn(cell, random);
      double roll = random.nextDouble();
      double pick = random.nextDouble();
      if (isDeepOcean(p)) {
        continue;
      }
      BiomeTables.Entry entry = BiomeTables.of(terrain.biome(p.latitudeDeg(), p.longitudeDeg()));
      if (entry.creatures().isEmpty() || roll >= entry.creatureDensity()) {
        continue;
      }
      CreatureKind kind = entry.creatures().get((int) (pick * entry.creatures().size()));
      out.add(new NpcSpawn(EntityIds.npc(cell, i), kind, onGround(p)));
    }
    return out;
  }

  /** The resource nodes of {@code cell}, in spawn order. */
  public List<ResourceSpawn> resources(S2CellId cell) {
    SplittableRandom random = random(cell, RESOURCE_STREAM);
    List<ResourceSpawn> out = new ArrayList<>();
    for (int i = 0; i < RESOURCE_CANDIDATES; i++) {
      GeoPosition p = randomPointIn(cell, random);
      double roll = random.nextDouble();
      double pick = random.nextDouble();
      if (isDeepOcean(p)) {
        continue;
      }
      BiomeTables.Entry entry = BiomeTables.of(terrain.biome(p.latitudeDeg(), p.longitudeDeg()));
      if (entry.resources().isEmpty() || roll >= entry.resourceDensity()) {
        continue;
      }
      ResourceKind kind = entry.resources().get((int) (pick * entry.resources().size()));
      out.add(new ResourceSpawn(EntityIds.resourceNode(cell, i), kind, onGround(p)));
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
