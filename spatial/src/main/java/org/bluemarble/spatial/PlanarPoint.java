package org.bluemarble.spatial;

/** A point on a map plane in metres: x grows east, y grows north (unless a projection says so). */
public record PlanarPoint(double x, double y) {}
