package org.bluemarble.persistence.terrain.internal;

/**
 * How a planet's cells are grouped into stored chunks: chunk {@code c} is the S2 cell of index
 * {@code c} at the chunk level, and holds the terrain cells {@code c · cellsPerChunk} up to (but
 * excluding) {@code (c + 1) · cellsPerChunk}. This works because cells of one level sorted by id
 * are numbered densely: the cell of index k at level L has id {@code k << (61 - 2L) | 1 << (60 -
 * 2L)}.
 *
 * @param terrainLevel S2 level of the samples
 * @param chunkLevel S2 level of the chunks' parent cells, at most {@code terrainLevel}
 */
public record ChunkLayout(int terrainLevel, int chunkLevel) {

  /** Level of the chunks' parent cells for terrain level 5 and finer: 6,144 chunks. */
  public static final int CHUNK_LEVEL = 5;

  private static final int MAX_LEVEL = 30;

  /** Checks that both levels are valid S2 levels and chunks are not finer than cells. */
  public ChunkLayout {
    if (chunkLevel < 0 || terrainLevel > MAX_LEVEL || chunkLevel > terrainLevel) {
      throw new IllegalArgumentException(
          "chunkLevel = " + chunkLevel + " must be within 0.." + terrainLevel);
    }
  }

  /**
   * The layout the stores use: chunks at {@link #CHUNK_LEVEL}, or at the terrain level if coarser.
   */
  public static ChunkLayout forTerrainLevel(int terrainLevel) {
    return new ChunkLayout(terrainLevel, Math.min(CHUNK_LEVEL, terrainLevel));
  }

  /** Number of terrain cells, 6 · 4^terrainLevel. */
  public int cellCount() {
    return 6 << (2 * terrainLevel);
  }

  /** Number of chunks, 6 · 4^chunkLevel. */
  public int chunkCount() {
    return 6 << (2 * chunkLevel);
  }

  /** Terrain cells per chunk, 4^(terrainLevel - chunkLevel). */
  public int cellsPerChunk() {
    return 1 << (2 * (terrainLevel - chunkLevel));
  }

  /** Index of the first terrain cell of {@code chunk}. */
  public int firstCell(int chunk) {
    return chunk * cellsPerChunk();
  }

  /** S2 cell id of the terrain cell of index {@code index}. */
  public long cellId(int index) {
    return idAt(index, terrainLevel);
  }

  /** S2 cell id of the chunk's parent cell. */
  public long parentId(int chunk) {
    return idAt(chunk, chunkLevel);
  }

  /** Smallest leaf id inside the chunk's parent cell. */
  public long minLeaf(int chunk) {
    return parentId(chunk) - lowestBit(chunkLevel) + 1;
  }

  /** Largest leaf id inside the chunk's parent cell. */
  public long maxLeaf(int chunk) {
    return parentId(chunk) + lowestBit(chunkLevel) - 1;
  }

  /** The chunk whose parent cell contains the leaf (or any cell) id {@code cellId}. */
  public int chunkOf(long cellId) {
    return (int) (cellId >>> (61 - 2 * chunkLevel));
  }

  /** The first chunk on cube face 4, where ids turn negative as signed longs. */
  public int firstNegativeChunk() {
    return 4 << (2 * chunkLevel);
  }

  private static long idAt(int index, int level) {
    return ((long) index << (61 - 2 * level)) | lowestBit(level);
  }

  private static long lowestBit(int level) {
    return 1L << (2 * (MAX_LEVEL - level));
  }
}
