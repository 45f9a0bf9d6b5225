package org.bluemarble.zone.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bluemarble.zone.CreatureKind;
import org.bluemarble.zone.ResourceKind;

/**
 * Which creatures and resources each of the planet's 15 biomes offers, and how densely. Biome names
 * are matched ignoring case, underscores and spaces ("TemperateForest", "temperate_forest"); an
 * unknown biome gets the grassland entry, so a new biome name never breaks spawning.
 */
public final class BiomeTables {
  /** What one biome offers; densities are the chance that a spawn candidate point is used. */
  public record Entry(
      List<CreatureKind> creatures,
      double creatureDensity,
      List<ResourceKind> resources,
      double resourceDensity) {}

  private static final Entry NOTHING = new Entry(List.of(), 0.0, List.of(), 0.0);
  private static final Entry GRASSLAND =
      new Entry(
          List.of(CreatureKind.RABBIT, CreatureKind.DEER, CreatureKind.FOX, CreatureKind.WOLF),
          0.6,
          List.of(ResourceKind.HERBS, ResourceKind.STONE, ResourceKind.BERRIES),
          0.5);

  private static final Map<String, Entry> TABLE =
      Map.ofEntries(
          Map.entry("ocean", NOTHING),
          Map.entry("urbanarea", NOTHING),
          Map.entry(
              "tropicalrainforest",
              new Entry(
                  List.of(CreatureKind.FROG, CreatureKind.BOAR),
                  0.8,
                  List.of(ResourceKind.TIMBER, ResourceKind.HERBS, ResourceKind.BERRIES),
                  0.8)),
          Map.entry(
              "temperaterainforest",
              new Entry(
                  List.of(CreatureKind.DEER, CreatureKind.BEAR, CreatureKind.FROG),
                  0.7,
                  List.of(ResourceKind.TIMBER, ResourceKind.HERBS),
                  0.7)),
          Map.entry(
              "borealforest",
              new Entry(
                  List.of(CreatureKind.CARIBOU, CreatureKind.WOLF, CreatureKind.BEAR),
                  0.5,
                  List.of(ResourceKind.TIMBER, ResourceKind.PEAT),
                  0.6)),
          Map.entry(
              "temperateforest",
              new Entry(
                  List.of(
                      CreatureKind.DEER, CreatureKind.BOAR, CreatureKind.FOX, CreatureKind.WOLF),
                  0.6,
                  List.of(ResourceKind.TIMBER, ResourceKind.BERRIES, ResourceKind.HERBS),
                  0.7)),
          Map.entry(
              "tundra",
              new Entry(
                  List.of(CreatureKind.CARIBOU, CreatureKind.FOX),
                  0.3,
                  List.of(ResourceKind.PEAT, ResourceKind.STONE),
                  0.3)),
          Map.entry(
              "desert",
              new Entry(
                  List.of(CreatureKind.CAMEL, CreatureKind.SCORPION),
                  0.2,
                  List.of(ResourceKind.CACTUS_FRUIT, ResourceKind.STONE),
                  0.2)),
          Map.entry("grassland", GRASSLAND),
          Map.entry(
              "savanna",
              new Entry(
                  List.of(CreatureKind.DEER, CreatureKind.BOAR),
                  0.5,
                  List.of(ResourceKind.HERBS, ResourceKind.CLAY),
                  0.4)),
          Map.entry(
              "tropicalsavanna",
              new Entry(
                  List.of(CreatureKind.BOAR, CreatureKind.CAMEL),
                  0.5,
                  List.of(ResourceKind.HERBS, ResourceKind.CLAY),
                  0.4)),
          Map.entry(
              "alpine",
              new Entry(
                  List.of(CreatureKind.GOAT, CreatureKind.BEAR),
                  0.3,
                  List.of(ResourceKind.STONE, ResourceKind.IRON_ORE),
                  0.6)),
          Map.entry(
              "wetland",
              new Entry(
                  List.of(CreatureKind.FROG, CreatureKind.DEER),
                  0.5,
                  List.of(ResourceKind.PEAT, ResourceKind.CLAY, ResourceKind.HERBS),
                  0.6)),
          Map.entry(
              "icesheet",
              new Entry(List.of(CreatureKind.PENGUIN), 0.1, List.of(ResourceKind.ICE), 0.2)),
          Map.entry(
              "barrenland",
              new Entry(
                  List.of(CreatureKind.SCORPION, CreatureKind.GOAT),
                  0.1,
                  List.of(ResourceKind.STONE, ResourceKind.IRON_ORE),
                  0.4)));

  private BiomeTables() {}

  /** The entry for a biome name (see the class comment for matching). */
  public static Entry of(String biome) {
    if (biome == null) {
      return GRASSLAND;
    }
    String key = biome.replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
    return TABLE.getOrDefault(key, GRASSLAND);
  }
}
