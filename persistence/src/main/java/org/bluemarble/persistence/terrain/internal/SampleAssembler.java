package org.bluemarble.persistence.terrain.internal;

import org.bluemarble.persistence.terrain.StoredPlanet;
import org.bluemarble.persistence.terrain.TerrainStoreException;
import org.bluemarble.planet.PlanetSamples;

/**
 * Rebuilds a planet's sample arrays from its chunks, in any order, and checks that every chunk
 * arrived exactly once. Not thread-safe: feed it from one thread (or one reactive subscriber).
 */
public final class SampleAssembler {

  private final PlanetHeader header;
  private final ChunkLayout layout;
  private final PlanetSamples samples;
  private final boolean[] seen;
  private int seenCount;

  /** An assembler for the planet described by {@code header}. */
  public SampleAssembler(PlanetHeader header) {
    this.header = header;
    this.layout = header.layout();
    int cells = layout.cellCount();
    this.samples =
        new PlanetSamples(
            new float[cells],
            new float[cells],
            new float[cells],
            new byte[cells],
            new byte[cells],
            header.continentalPlates().clone());
    this.seen = new boolean[layout.chunkCount()];
  }

  /** Decodes one stored chunk into place. */
  public void accept(int chunk, byte[] data) {
    if (chunk < 0 || chunk >= seen.length || seen[chunk]) {
      throw corrupt("chunk " + chunk + " is out of range or stored twice");
    }
    try {
      ChunkCodec.decodeInto(data, layout.cellsPerChunk(), samples, layout.firstCell(chunk));
    } catch (IllegalArgumentException e) {
      throw new TerrainStoreException(
          "planet " + header.info().planetId() + ": chunk " + chunk + " is malformed", e);
    }
    seen[chunk] = true;
    seenCount++;
  }

  /** The complete planet; throws if a chunk is missing. */
  public StoredPlanet finish() {
    if (seenCount != seen.length) {
      throw corrupt(seenCount + " of " + seen.length + " chunks are stored");
    }
    return new StoredPlanet(header.info(), samples);
  }

  private TerrainStoreException corrupt(String what) {
    return new TerrainStoreException("planet " + header.info().planetId() + ": " + what);
  }
}
