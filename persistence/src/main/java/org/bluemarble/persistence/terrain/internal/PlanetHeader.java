package org.bluemarble.persistence.terrain.internal;

import org.bluemarble.persistence.terrain.StoredPlanetInfo;

/**
 * A planet's metadata record as both adapters store it: the public info plus what reading the
 * chunks needs.
 *
 * @param info the public metadata
 * @param chunkLevel S2 level of the chunks' parent cells
 * @param continentalPlates per plate: continental (true) or oceanic
 * @param generation id of the save whose chunks are current (MongoDB only; null for H2, which
 *     replaces in one transaction)
 */
public record PlanetHeader(
    StoredPlanetInfo info, int chunkLevel, boolean[] continentalPlates, String generation) {

  /** The chunk layout of this planet. */
  public ChunkLayout layout() {
    return new ChunkLayout(info.config().terrainLevel(), chunkLevel);
  }

  /** One byte per plate: 1 continental, 0 oceanic. */
  public static byte[] encodeFlags(boolean[] flags) {
    byte[] bytes = new byte[flags.length];
    for (int i = 0; i < flags.length; i++) {
      bytes[i] = (byte) (flags[i] ? 1 : 0);
    }
    return bytes;
  }

  /** Inverse of {@link #encodeFlags}. */
  public static boolean[] decodeFlags(byte[] bytes) {
    boolean[] flags = new boolean[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      flags[i] = bytes[i] != 0;
    }
    return flags;
  }
}
