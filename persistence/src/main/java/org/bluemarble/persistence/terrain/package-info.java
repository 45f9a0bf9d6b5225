/**
 * The terrain store: where a generated planet's samples live so that a node can load a planet at
 * start instead of regenerating it, and read the samples of a region by S2 cell-id range scans.
 *
 * <p>{@link org.bluemarble.persistence.terrain.TerrainStore} is the port; {@link
 * org.bluemarble.persistence.terrain.MongoTerrainStore} (production) and {@link
 * org.bluemarble.persistence.terrain.H2TerrainStore} (embedded default) are its adapters. Both
 * store one record per chunk of cells that share an S2 parent at a coarse level (level 5: 6,144
 * chunks), holding the chunk's leaf-id range and its values as compact binary arrays, plus one
 * metadata record per planet (config, content hash, cell count, creation time).
 */
package org.bluemarble.persistence.terrain;
