package org.bluemarble.shred;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.JournalSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key table on H2: a key is created once and shared by concurrent writers, an erasure leaves a
 * tombstone that no later write replaces, and it removes the subjects' snapshots (entity state in
 * plain CBOR) but no one else's.
 */
class JdbcSubjectKeysTest {
  private HikariDataSource pool;

  @BeforeEach
  void setUp() {
    PersistenceSettings db =
        new PersistenceSettings(
            PersistenceSettings.Dialect.H2,
            "jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "bluemarble",
            "",
            2,
            16,
            Duration.ofSeconds(5));
    pool = Databases.pool(db, "test", 2);
    JournalSchema.migrate(db, pool);
  }

  @AfterEach
  void tearDown() {
    pool.close();
  }

  private JdbcSubjectKeys keys() {
    return new JdbcSubjectKeys(
        pool, new ShreddingSettings(100, Duration.ofHours(1)), Runnable::run);
  }

  @Test
  void aKeyIsCreatedOnceAndAnErasureIsForGood() throws Exception {
    JdbcSubjectKeys first = keys();
    assertThat(first.lookup("a")).isEqualTo(SubjectKeys.Missing.INSTANCE);
    SubjectKeys.Lookup created = first.forWrite("a");
    assertThat(created).isInstanceOf(SubjectKeys.Present.class);
    // Another node (its own cache) reads the same key.
    assertThat(keys().forWrite("a")).isEqualTo(created);

    first.erase(List.of("a", "never-keyed")).toCompletableFuture().get();
    assertThat(first.lookup("a")).isEqualTo(SubjectKeys.Erased.INSTANCE);
    JdbcSubjectKeys fresh = keys();
    assertThat(fresh.lookup("a")).isEqualTo(SubjectKeys.Erased.INSTANCE);
    assertThat(fresh.forWrite("a")).isEqualTo(SubjectKeys.Erased.INSTANCE);
    assertThat(fresh.forWrite("never-keyed")).isEqualTo(SubjectKeys.Erased.INSTANCE);
  }

  @Test
  void anErasureDeletesTheSubjectsSnapshotsOnly() throws Exception {
    JdbcSubjectKeys keys = keys();
    keys.forWrite("p1");
    snapshot("Player|p1", 100);
    snapshot("Player|p1", 200);
    snapshot("Account|p1", 100);
    snapshot("Player|p10", 100);
    snapshot("Player|xp1", 100);

    keys.erase(List.of("p1")).toCompletableFuture().get();

    assertThat(snapshots()).containsExactlyInAnyOrder("Player|p10", "Player|xp1");
  }

  private void snapshot(String persistenceId, long seq) throws Exception {
    try (Connection c = pool.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO \"snapshot\" (\"persistence_id\", \"sequence_number\", \"created\","
                    + " \"snapshot_ser_id\", \"snapshot_ser_manifest\", \"snapshot_payload\")"
                    + " VALUES (?, ?, 0, 1, '', ?)")) {
      s.setString(1, persistenceId);
      s.setLong(2, seq);
      s.setBytes(3, new byte[] {1, 2, 3});
      s.executeUpdate();
    }
  }

  private List<String> snapshots() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT \"persistence_id\" FROM \"snapshot\"")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
