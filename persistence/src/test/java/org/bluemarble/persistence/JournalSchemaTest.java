package org.bluemarble.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bluemarble.config.PersistenceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSchemaTest {

  @Test
  void createsTheJournalTablesOnPostgresAndIsIdempotent() throws Exception {
    PersistenceSettings settings = TestPostgres.newDatabase().settings();
    try (HikariDataSource ds = Databases.pool(settings, "test", 2)) {
      assertThat(JournalSchema.migrate(settings, ds)).isEqualTo(2);
      assertThat(JournalSchema.migrate(settings, ds)).isZero();
      assertThat(tables(ds))
          .contains(
              "event_journal", "event_tag", "snapshot", "durable_state", "bluemarble_subject_keys");
    }
  }

  @Test
  void nodesMigratingAnEmptyDatabaseAtOnceAllSucceedAndItRunsOnce() throws Exception {
    PersistenceSettings settings = TestPostgres.newDatabase().settings();
    int nodes = 4;
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    List<HikariDataSource> sources = new ArrayList<>();
    try {
      List<Callable<Integer>> starts = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        HikariDataSource ds = Databases.pool(settings, "node" + i, 2);
        sources.add(ds);
        starts.add(() -> JournalSchema.migrate(settings, ds));
      }
      int applied = 0;
      for (Future<Integer> f : pool.invokeAll(starts)) {
        applied += f.get();
      }
      assertThat(applied).isEqualTo(2);
    } finally {
      pool.shutdownNow();
      sources.forEach(HikariDataSource::close);
    }
  }

  @Test
  void createsTheJournalTablesInAnH2FileAndReopensIt(@TempDir Path dir) throws Exception {
    PersistenceSettings settings =
        new PersistenceSettings(
            PersistenceSettings.Dialect.H2,
            "jdbc:h2:file:" + dir + "/journal",
            "bluemarble",
            "",
            2,
            16,
            Duration.ofSeconds(5));
    try (HikariDataSource ds = Databases.pool(settings, "test", 2)) {
      assertThat(JournalSchema.migrate(settings, ds)).isEqualTo(2);
    }
    try (HikariDataSource ds = Databases.pool(settings, "test", 2)) {
      assertThat(JournalSchema.migrate(settings, ds)).isZero();
      assertThat(tables(ds)).contains("event_journal", "snapshot", "bluemarble_subject_keys");
    }
  }

  private static List<String> tables(HikariDataSource ds) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = ds.getConnection();
        ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }
}
