package org.bluemarble.spatial;

/**
 * Where a projection maps points faithfully (forward and inverse round-trip): a latitude band plus
 * a sentence for anything the band cannot say (a hemisphere around a centre, a clamp).
 *
 * @param minLatitudeDeg southernmost latitude mapped without clamping or rejection
 * @param maxLatitudeDeg northernmost latitude mapped without clamping or rejection
 * @param description the domain in words, for people and the projections listing
 */
public record ProjectionDomain(double minLatitudeDeg, double maxLatitudeDeg, String description) {}
