package org.bluemarble.zone;

import org.bluemarble.spatial.GeoPosition;

/**
 * One creature a cell spawns: its stable id, kind and home (where it starts and wanders around).
 */
public record NpcSpawn(long id, CreatureKind kind, GeoPosition home) {}
