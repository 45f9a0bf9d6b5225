package org.bluemarble.zone.combat;

import org.bluemarble.zone.ResourceKind;

/**
 * Which catalogue item one unit of a resource node's kind yields. The catalogue has few raw
 * materials, so several kinds share one: wood gives logs, ores and stone their ore or crystal, and
 * the plants and soft materials their nearest catalogue good.
 */
public final class HarvestYields {
  private HarvestYields() {}

  /** The item id a unit of {@code kind} yields. */
  public static String itemOf(ResourceKind kind) {
    return switch (kind) {
      case TIMBER, PEAT -> "oak_log";
      case IRON_ORE -> "iron_ore";
      case STONE, ICE -> "quartz_crystal";
      case CLAY -> "copper_ore";
      case HERBS, BERRIES, CACTUS_FRUIT -> "trail_bread";
    };
  }
}
