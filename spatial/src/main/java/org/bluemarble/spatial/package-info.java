/**
 * The sphere's geometry, plain Java without actors: {@link org.bluemarble.spatial.GeoPosition} (the
 * API-facing position), {@link org.bluemarble.spatial.Sphere} (great-circle distance, bearing,
 * destination, interpolation) and {@link org.bluemarble.spatial.EnuFrame} (local steps for
 * movement), {@link org.bluemarble.spatial.SpatialCells} (S2 cells, neighbours, coverings, store
 * scan ranges, zone level), {@link org.bluemarble.spatial.Epsg4087} (the companion documents'
 * planar frame) and {@link org.bluemarble.spatial.Projections} (map projections).
 *
 * <p>Bad input is rejected with a subclass of {@link java.lang.IllegalArgumentException} whose
 * message names the field, the value and the allowed range.
 */
package org.bluemarble.spatial;
