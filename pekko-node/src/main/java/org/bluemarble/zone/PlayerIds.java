package org.bluemarble.zone;

import java.nio.charset.StandardCharsets;

/**
 * Maps a Player entity id (a UUID string) to the non-negative {@code long} id the simulation uses,
 * the same on every node, so a player keeps its entity id across handoffs.
 */
public final class PlayerIds {
  private PlayerIds() {}

  /**
   * The simulation id of {@code playerId}: a 64-bit FNV-1a hash of its UTF-8 bytes, mixed and with
   * the sign bit cleared (negative ids belong to NPCs and resource nodes, see {@link EntityIds}).
   *
   * @throws IllegalArgumentException if {@code playerId} is null or blank
   */
  public static long simulationId(String playerId) {
    if (playerId == null || playerId.isBlank()) {
      throw new IllegalArgumentException("playerId must not be blank, was " + playerId);
    }
    long h = 0xcbf29ce484222325L;
    for (byte b : playerId.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return EntityIds.mix(h) & Long.MAX_VALUE;
  }
}
