package org.bluemarble.zone;

import com.google.common.geometry.S2CellId;

/**
 * The id spaces of a cell's entities. Players keep their own non-negative ids. NPCs and resource
 * nodes get negative ids derived from the cell and a spawn index (top bits 10 for NPCs, 11 for
 * resource nodes), so they are stable across restarts and never collide with players.
 */
public final class EntityIds {
  private static final long NPC_TAG = 0x8000_0000_0000_0000L;
  private static final long RESOURCE_TAG = 0xC000_0000_0000_0000L;
  private static final long LOW_62 = 0x3FFF_FFFF_FFFF_FFFFL;

  private EntityIds() {}

  /** The id of the {@code index}-th NPC spawned in {@code cell}. */
  public static long npc(S2CellId cell, int index) {
    return NPC_TAG | (mix(cell.id() * 31 + index) & LOW_62);
  }

  /** The id of the {@code index}-th resource node of {@code cell}. */
  public static long resourceNode(S2CellId cell, int index) {
    return RESOURCE_TAG | (mix(cell.id() * 37 + index + 0x5bd1e995L) & LOW_62);
  }

  /** Whether {@code id} belongs to the NPC id space. */
  public static boolean isNpc(long id) {
    return (id & RESOURCE_TAG) == NPC_TAG;
  }

  /** Whether {@code id} belongs to the resource-node id space. */
  public static boolean isResourceNode(long id) {
    return (id & RESOURCE_TAG) == RESOURCE_TAG;
  }

  /** A 64-bit finaliser (SplitMix64's) that spreads nearby inputs across the whole range. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
