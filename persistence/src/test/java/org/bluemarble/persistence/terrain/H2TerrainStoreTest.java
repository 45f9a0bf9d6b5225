package org.bluemarble.persistence.terrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bluemarble.persistence.terrain.internal.ChunkLayout;
import org.bluemarble.persistence.terrain.internal.H2TerrainSql;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The terrain store contract on an in-memory H2 database of its own per test. */
class H2TerrainStoreTest extends TerrainStoreContractTest {

  private ExecutorService executor;
  private JdbcDataSource dataSource;
  private H2TerrainStore store;

  @BeforeEach
  void openDatabase() {
    executor = Executors.newFixedThreadPool(2);
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:terrain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    store = new H2TerrainStore(dataSource, executor);
  }

  @AfterEach
  void closeDatabase() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("SHUTDOWN");
    }
    executor.shutdownNow();
  }

  @Override
  TerrainStore store() {
    return store;
  }

  @Override
  TerrainStore storeWithClock(Clock clock) {
    return new H2TerrainStore(dataSource, executor, clock);
  }

  @Override
  void removeOneChunk(String planetId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM terrain_chunk WHERE planet_id = ? AND chunk_index = 100")) {
      ps.setString(1, planetId);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void storesOneRowPerChunkAndCreatesTheSchemaIdempotently() throws SQLException {
    save(store, "earth-6", TestPlanets.LEVEL_6);
    H2TerrainStore second = new H2TerrainStore(dataSource, executor);
    save(second, "earth-6", TestPlanets.LEVEL_6);

    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM terrain_chunk")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(ChunkLayout.forTerrainLevel(6).chunkCount());
    }
  }

  @Test
  void regionScanUsesTheMinLeafIndex() throws SQLException {
    save(store, "earth-6", TestPlanets.LEVEL_6);
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("EXPLAIN " + H2TerrainSql.SELECT_CHUNK_RANGE)) {
      ps.setString(1, "earth-6");
      ps.setLong(2, 0);
      ps.setLong(3, 1L << 40);
      ps.setLong(4, 0);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        assertThat(rs.getString(1).toUpperCase()).contains("TERRAIN_CHUNK_MIN_LEAF");
      }
    }
  }
}
