package org.bluemarble.zone;

import org.bluemarble.spatial.GeoPosition;

/** One resource node of a cell: its stable id, kind and position. */
public record ResourceSpawn(long id, ResourceKind kind, GeoPosition position) {}
