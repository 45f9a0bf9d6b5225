package org.bluemarble.persistence.terrain.internal;

import java.time.Instant;
import java.util.Date;
import org.bluemarble.persistence.terrain.StoredPlanetInfo;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetSamples;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * The MongoDB terrain store's documents. A planet document ({@code _id} = planet id) holds the
 * config, hash, counts and the id of the save ({@code gen}) whose chunks are current. A chunk
 * document holds one chunk of one save: planet, gen, parent cell id, chunk index, min/max leaf id
 * and the values as one binary field ({@link ChunkCodec}).
 */
public final class MongoTerrainDocuments {

  public static final String PLANET = "planet";
  public static final String GENERATION = "gen";
  public static final String PARENT = "parent";
  public static final String CHUNK = "chunk";
  public static final String MIN_LEAF = "minLeaf";
  public static final String MAX_LEAF = "maxLeaf";
  public static final String DATA = "data";

  private MongoTerrainDocuments() {}

  /** The planet document of {@code header}. */
  public static Document planet(PlanetHeader header) {
    StoredPlanetInfo info = header.info();
    PlanetConfig c = info.config();
    Document climate =
        new Document("globalTemperature", c.climate().globalTemperature())
            .append("temperatureVariation", c.climate().temperatureVariation())
            .append("precipitationBase", c.climate().precipitationBase())
            .append("seasonalVariation", c.climate().seasonalVariation());
    Document config =
        new Document("name", c.name())
            .append("radiusMeters", c.radiusMeters())
            .append("plateCount", c.plateCount())
            .append("oceanCoverage", c.oceanCoverage())
            .append("seed", c.seed())
            .append("climate", climate)
            .append("terrainLevel", c.terrainLevel());
    return new Document("_id", info.planetId())
        .append("config", config)
        .append("contentHash", info.contentHash())
        .append("cellCount", info.cellCount())
        .append("chunkLevel", header.chunkLevel())
        .append(
            "continentalPlates", new Binary(PlanetHeader.encodeFlags(header.continentalPlates())))
        .append("createdAt", Date.from(info.createdAt()))
        .append(GENERATION, header.generation());
  }

  /** Reads a planet document back. */
  public static PlanetHeader header(Document d) {
    Document config = d.get("config", Document.class);
    Document climate = config.get("climate", Document.class);
    PlanetConfig c =
        new PlanetConfig(
            config.getString("name"),
            config.getDouble("radiusMeters"),
            config.getInteger("plateCount"),
            config.getDouble("oceanCoverage"),
            config.getLong("seed"),
            new ClimateConfig(
                climate.getDouble("globalTemperature"),
                climate.getDouble("temperatureVariation"),
                climate.getDouble("precipitationBase"),
                climate.getDouble("seasonalVariation")),
            config.getInteger("terrainLevel"));
    Instant createdAt = d.getDate("createdAt").toInstant();
    StoredPlanetInfo info =
        new StoredPlanetInfo(
            d.getString("_id"),
            c,
            d.getString("contentHash"),
            d.getInteger("cellCount"),
            createdAt);
    boolean[] flags = PlanetHeader.decodeFlags(d.get("continentalPlates", Binary.class).getData());
    return new PlanetHeader(info, d.getInteger("chunkLevel"), flags, d.getString(GENERATION));
  }

  /** The document of chunk {@code chunk} of save {@code generation}. */
  public static Document chunk(
      String planetId, String generation, ChunkLayout layout, int chunk, PlanetSamples samples) {
    return new Document(PLANET, planetId)
        .append(GENERATION, generation)
        .append(PARENT, layout.parentId(chunk))
        .append(CHUNK, chunk)
        .append(MIN_LEAF, layout.minLeaf(chunk))
        .append(MAX_LEAF, layout.maxLeaf(chunk))
        .append(
            DATA,
            new Binary(
                ChunkCodec.encode(samples, layout.firstCell(chunk), layout.cellsPerChunk())));
  }

  /** The binary values of a chunk document. */
  public static byte[] data(Document chunk) {
    return chunk.get(DATA, Binary.class).getData();
  }
}
