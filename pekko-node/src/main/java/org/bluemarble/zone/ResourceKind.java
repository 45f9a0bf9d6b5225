package org.bluemarble.zone;

import java.time.Duration;

/** The gatherable resources, with how much one node holds and how long it takes to regrow. */
public enum ResourceKind {
  TIMBER(40, Duration.ofMinutes(10)),
  STONE(60, Duration.ofMinutes(15)),
  IRON_ORE(30, Duration.ofMinutes(30)),
  HERBS(10, Duration.ofMinutes(5)),
  BERRIES(12, Duration.ofMinutes(5)),
  CLAY(40, Duration.ofMinutes(10)),
  CACTUS_FRUIT(8, Duration.ofMinutes(8)),
  PEAT(30, Duration.ofMinutes(20)),
  ICE(50, Duration.ofMinutes(10));

  private final int capacity;
  private final Duration respawnAfter;

  ResourceKind(int capacity, Duration respawnAfter) {
    this.capacity = capacity;
    this.respawnAfter = respawnAfter;
  }

  /** Units a full node holds. */
  public int capacity() {
    return capacity;
  }

  /** Time from depletion until the node is full again. */
  public Duration respawnAfter() {
    return respawnAfter;
  }
}
