package org.bluemarble.persistence.terrain.internal;

import java.util.List;

/**
 * The H2 terrain store's tables and statements. One row per planet in {@code terrain_planet}, one
 * row per chunk in {@code terrain_chunk} keyed by (planet, parent cell id), with indexes on
 * (planet, min_leaf) and (planet, max_leaf) for region scans. Every statement of {@link #SCHEMA}
 * can run again on an existing schema.
 */
public final class H2TerrainSql {

  /** Creates the tables and indexes if they are missing. */
  public static final List<String> SCHEMA =
      List.of(
          "CREATE TABLE IF NOT EXISTS terrain_planet ("
              + " planet_id VARCHAR(64) PRIMARY KEY,"
              + " name VARCHAR(100) NOT NULL,"
              + " radius_meters DOUBLE PRECISION NOT NULL,"
              + " plate_count INT NOT NULL,"
              + " ocean_coverage DOUBLE PRECISION NOT NULL,"
              + " seed BIGINT NOT NULL,"
              + " global_temperature DOUBLE PRECISION NOT NULL,"
              + " temperature_variation DOUBLE PRECISION NOT NULL,"
              + " precipitation_base DOUBLE PRECISION NOT NULL,"
              + " seasonal_variation DOUBLE PRECISION NOT NULL,"
              + " terrain_level INT NOT NULL,"
              + " chunk_level INT NOT NULL,"
              + " cell_count INT NOT NULL,"
              + " content_hash CHAR(64) NOT NULL,"
              + " continental_plates VARBINARY(64) NOT NULL,"
              + " created_at_millis BIGINT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS terrain_chunk ("
              + " planet_id VARCHAR(64) NOT NULL,"
              + " parent_cell_id BIGINT NOT NULL,"
              + " chunk_index INT NOT NULL,"
              + " min_leaf BIGINT NOT NULL,"
              + " max_leaf BIGINT NOT NULL,"
              + " cell_data VARBINARY NOT NULL,"
              + " PRIMARY KEY (planet_id, parent_cell_id))",
          "CREATE INDEX IF NOT EXISTS terrain_chunk_min_leaf ON terrain_chunk (planet_id, min_leaf)",
          "CREATE INDEX IF NOT EXISTS terrain_chunk_max_leaf ON terrain_chunk (planet_id, max_leaf)");

  public static final String PLANET_COLUMNS =
      "planet_id, name, radius_meters, plate_count, ocean_coverage, seed, global_temperature,"
          + " temperature_variation, precipitation_base, seasonal_variation, terrain_level,"
          + " chunk_level, cell_count, content_hash, continental_plates, created_at_millis";

  public static final String INSERT_PLANET =
      "INSERT INTO terrain_planet ("
          + PLANET_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  public static final String SELECT_PLANET =
      "SELECT " + PLANET_COLUMNS + " FROM terrain_planet WHERE planet_id = ?";

  public static final String SELECT_ALL_PLANETS =
      "SELECT " + PLANET_COLUMNS + " FROM terrain_planet ORDER BY planet_id";

  public static final String DELETE_PLANET = "DELETE FROM terrain_planet WHERE planet_id = ?";

  public static final String INSERT_CHUNK =
      "INSERT INTO terrain_chunk (planet_id, parent_cell_id, chunk_index, min_leaf, max_leaf,"
          + " cell_data) VALUES (?, ?, ?, ?, ?, ?)";

  public static final String SELECT_CHUNKS =
      "SELECT chunk_index, cell_data FROM terrain_chunk WHERE planet_id = ? ORDER BY chunk_index";

  /** Chunks of one {@link RegionPlan.LeafScan}; the max_leaf bound is implied, kept for clarity. */
  public static final String SELECT_CHUNK_RANGE =
      "SELECT chunk_index, cell_data FROM terrain_chunk"
          + " WHERE planet_id = ? AND min_leaf BETWEEN ? AND ? AND max_leaf >= ?"
          + " ORDER BY min_leaf";

  public static final String DELETE_CHUNKS = "DELETE FROM terrain_chunk WHERE planet_id = ?";

  private H2TerrainSql() {}
}
