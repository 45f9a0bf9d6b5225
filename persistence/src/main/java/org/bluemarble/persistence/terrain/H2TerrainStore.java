package org.bluemarble.persistence.terrain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.bluemarble.persistence.terrain.internal.ChunkCodec;
import org.bluemarble.persistence.terrain.internal.ChunkLayout;
import org.bluemarble.persistence.terrain.internal.H2TerrainSql;
import org.bluemarble.persistence.terrain.internal.PlanetHeader;
import org.bluemarble.persistence.terrain.internal.RegionPlan;
import org.bluemarble.persistence.terrain.internal.SampleAssembler;
import org.bluemarble.persistence.terrain.internal.TerrainInputs;
import org.bluemarble.planet.ClimateConfig;
import org.bluemarble.planet.PlanetConfig;
import org.bluemarble.planet.PlanetSamples;
import org.bluemarble.spatial.CellIdRange;

/**
 * The embedded-default {@link TerrainStore}: JDBC on a {@link DataSource} (H2, see {@link
 * H2TerrainSql} for the tables, created on first use). Every blocking call runs on the executor
 * given to the constructor; a save replaces a planet in one transaction.
 */
public final class H2TerrainStore implements TerrainStore {

  /** Rows per JDBC batch when writing chunks (256 rows of 3.6 kB at terrain level 9). */
  private static final int BATCH_ROWS = 256;

  private final DataSource dataSource;
  private final Executor executor;
  private final Clock clock;
  private volatile boolean schemaReady;

  /** A store on {@code dataSource} whose JDBC work runs on {@code executor}. */
  public H2TerrainStore(DataSource dataSource, Executor executor) {
    this(dataSource, executor, Clock.systemUTC());
  }

  /** As above, with the clock that stamps {@link StoredPlanetInfo#createdAt()}. */
  public H2TerrainStore(DataSource dataSource, Executor executor, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<StoredPlanetInfo> save(
      String planetId, PlanetConfig config, PlanetSamples samples) {
    TerrainInputs.requirePlanetId(planetId);
    TerrainInputs.requireSamplesFit(config, samples);
    return run(
        "save " + planetId,
        c -> {
          String hash = samples.contentHash(config);
          Instant now = Instant.ofEpochMilli(clock.millis());
          StoredPlanetInfo info =
              new StoredPlanetInfo(planetId, config, hash, samples.elevation().length, now);
          ChunkLayout layout = ChunkLayout.forTerrainLevel(config.terrainLevel());
          PlanetHeader header =
              new PlanetHeader(info, layout.chunkLevel(), samples.continentalPlates(), null);
          c.setAutoCommit(false);
          try {
            deleteRows(c, planetId);
            insertPlanet(c, header);
            insertChunks(c, planetId, layout, samples);
            c.commit();
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          }
          return info;
        });
  }

  @Override
  public CompletionStage<Optional<StoredPlanet>> load(String planetId) {
    TerrainInputs.requirePlanetId(planetId);
    return run(
        "load " + planetId,
        c -> {
          c.setAutoCommit(false);
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          try {
            Optional<PlanetHeader> header = selectHeader(c, planetId);
            if (header.isEmpty()) {
              return Optional.empty();
            }
            SampleAssembler assembler = new SampleAssembler(header.get());
            try (PreparedStatement ps = c.prepareStatement(H2TerrainSql.SELECT_CHUNKS)) {
              ps.setString(1, planetId);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  assembler.accept(rs.getInt(1), rs.getBytes(2));
                }
              }
            }
            return Optional.of(assembler.finish());
          } finally {
            c.commit();
          }
        });
  }

  @Override
  public CompletionStage<List<TerrainSample>> readRegion(
      String planetId, List<CellIdRange> ranges) {
    TerrainInputs.requirePlanetId(planetId);
    List<CellIdRange> copy = List.copyOf(TerrainInputs.requireRanges(ranges));
    return run(
        "readRegion " + planetId,
        c -> {
          c.setAutoCommit(false);
          c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
          try {
            Optional<PlanetHeader> header = selectHeader(c, planetId);
            if (header.isEmpty()) {
              return List.of();
            }
            RegionPlan plan = RegionPlan.of(header.get().layout(), copy);
            List<TerrainSample> out = new ArrayList<>();
            int chunks = 0;
            try (PreparedStatement ps = c.prepareStatement(H2TerrainSql.SELECT_CHUNK_RANGE)) {
              for (RegionPlan.LeafScan scan : plan.scans()) {
                ps.setString(1, planetId);
                ps.setLong(2, scan.fromMinLeaf());
                ps.setLong(3, scan.toMinLeaf());
                ps.setLong(4, scan.fromMinLeaf());
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    plan.collect(rs.getInt(1), rs.getBytes(2), out);
                    chunks++;
                  }
                }
              }
            }
            if (chunks != plan.chunkCount()) {
              throw new TerrainStoreException(
                  "planet "
                      + planetId
                      + ": "
                      + chunks
                      + " of "
                      + plan.chunkCount()
                      + " chunks of the region are stored");
            }
            return out;
          } finally {
            c.commit();
          }
        });
  }

  @Override
  public CompletionStage<List<StoredPlanetInfo>> list() {
    return run(
        "list",
        c -> {
          List<StoredPlanetInfo> out = new ArrayList<>();
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery(H2TerrainSql.SELECT_ALL_PLANETS)) {
            while (rs.next()) {
              out.add(readHeader(rs).info());
            }
          }
          return out;
        });
  }

  @Override
  public CompletionStage<Boolean> delete(String planetId) {
    TerrainInputs.requirePlanetId(planetId);
    return run(
        "delete " + planetId,
        c -> {
          c.setAutoCommit(false);
          try {
            boolean existed = deleteRows(c, planetId);
            c.commit();
            return existed;
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          }
        });
  }

  private boolean deleteRows(Connection c, String planetId) throws SQLException {
    try (PreparedStatement chunks = c.prepareStatement(H2TerrainSql.DELETE_CHUNKS);
        PreparedStatement planet = c.prepareStatement(H2TerrainSql.DELETE_PLANET)) {
      chunks.setString(1, planetId);
      chunks.executeUpdate();
      planet.setString(1, planetId);
      return planet.executeUpdate() > 0;
    }
  }

  private static void insertPlanet(Connection c, PlanetHeader header) throws SQLException {
    StoredPlanetInfo info = header.info();
    PlanetConfig config = info.config();
    try (PreparedStatement ps = c.prepareStatement(H2TerrainSql.INSERT_PLANET)) {
      ps.setString(1, info.planetId());
      ps.setString(2, config.name());
      ps.setDouble(3, config.radiusMeters());
      ps.setInt(4, config.plateCount());
      ps.setDouble(5, config.oceanCoverage());
      ps.setLong(6, config.seed());
      ps.setDouble(7, config.climate().globalTemperature());
      ps.setDouble(8, config.climate().temperatureVariation());
      ps.setDouble(9, config.climate().precipitationBase());
      ps.setDouble(10, config.climate().seasonalVariation());
      ps.setInt(11, config.terrainLevel());
      ps.setInt(12, header.chunkLevel());
      ps.setInt(13, info.cellCount());
      ps.setString(14, info.contentHash());
      ps.setBytes(15, PlanetHeader.encodeFlags(header.continentalPlates()));
      ps.setLong(16, info.createdAt().toEpochMilli());
      ps.executeUpdate();
    }
  }

  private static void insertChunks(
      Connection c, String planetId, ChunkLayout layout, PlanetSamples samples)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(H2TerrainSql.INSERT_CHUNK)) {
      for (int chunk = 0; chunk < layout.chunkCount(); chunk++) {
        ps.setString(1, planetId);
        ps.setLong(2, layout.parentId(chunk));
        ps.setInt(3, chunk);
        ps.setLong(4, layout.minLeaf(chunk));
        ps.setLong(5, layout.maxLeaf(chunk));
        ps.setBytes(6, ChunkCodec.encode(samples, layout.firstCell(chunk), layout.cellsPerChunk()));
        ps.addBatch();
        if ((chunk + 1) % BATCH_ROWS == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static Optional<PlanetHeader> selectHeader(Connection c, String planetId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(H2TerrainSql.SELECT_PLANET)) {
      ps.setString(1, planetId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(readHeader(rs)) : Optional.empty();
      }
    }
  }

  private static PlanetHeader readHeader(ResultSet rs) throws SQLException {
    ClimateConfig climate =
        new ClimateConfig(rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10));
    PlanetConfig config =
        new PlanetConfig(
            rs.getString(2),
            rs.getDouble(3),
            rs.getInt(4),
            rs.getDouble(5),
            rs.getLong(6),
            climate,
            rs.getInt(11));
    StoredPlanetInfo info =
        new StoredPlanetInfo(
            rs.getString(1),
            config,
            rs.getString(14),
            rs.getInt(13),
            Instant.ofEpochMilli(rs.getLong(16)));
    return new PlanetHeader(info, rs.getInt(12), PlanetHeader.decodeFlags(rs.getBytes(15)), null);
  }

  /** Work on one connection, on the executor, with the schema in place. */
  private <T> CompletionStage<T> run(String operation, SqlWork<T> work) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Connection c = dataSource.getConnection()) {
            ensureSchema(c);
            return work.apply(c);
          } catch (SQLException e) {
            throw new CompletionException(
                new TerrainStoreException("terrain store: " + operation + " failed", e));
          }
        },
        executor);
  }

  private void ensureSchema(Connection c) throws SQLException {
    if (schemaReady) {
      return;
    }
    synchronized (this) {
      if (!schemaReady) {
        try (Statement st = c.createStatement()) {
          for (String ddl : H2TerrainSql.SCHEMA) {
            st.execute(ddl);
          }
        }
        schemaReady = true;
      }
    }
  }

  @FunctionalInterface
  private interface SqlWork<T> {
    T apply(Connection c) throws SQLException;
  }
}
