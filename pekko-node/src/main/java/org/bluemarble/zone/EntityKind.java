package org.bluemarble.zone;

/** What an entity in a cell is; snapshots and AI treat kinds differently. */
public enum EntityKind {
  PLAYER,
  NPC,
  RESOURCE_NODE
}
