package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.bluemarble.admin.AuditJournal;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.edge.port.AuditPort;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log's read model, filled by its projection on a running node, answers every query
 * exactly as the journal replay does, on PostgreSQL and on the embedded H2 file.
 */
class AuditReadModelTest {
  @TempDir Path dataDir;

  @Test
  void equalsTheJournalOnPostgres() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    try (InProcessNode node =
        InProcessNode.start(Profile.LOCAL1, new HashMap<>(db.configOverrides()))) {
      compareWithJournal(node);
    }
  }

  @Test
  void equalsTheJournalOnH2() throws Exception {
    try (InProcessNode node =
        InProcessNode.start(
            Profile.EMBEDDED, Map.of("bluemarble.node.data-dir", dataDir.toString()))) {
      compareWithJournal(node);
    }
  }

  private static void compareWithJournal(InProcessNode node) throws Exception {
    Instant before = Instant.now();
    AdminClient admin = node.client();
    for (int i = 0; i < 6; i++) {
      AdminClient.Response r = admin.createPlayer("Audited " + i, "Ranger");
      assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
    }
    Instant after = Instant.now();
    PersistenceSettings persistence =
        PersistenceSettings.fromConfig(node.system.settings().config());
    try (HikariDataSource pool = Databases.pool(persistence, "test", 2)) {
      AuditReadModel model = new AuditReadModel(pool, ForkJoinPool.commonPool());
      AuditJournal journal = new AuditJournal(node.system, Duration.ofSeconds(30));
      AuditPort.Query all = new AuditPort.Query(null, null, null, null, null, 0, 100);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> model.findNow(all).map(p -> p.total() >= 6).orElse(false));

      List<AuditPort.Query> queries =
          List.of(
              all,
              new AuditPort.Query(AdminClient.TEST_ADMIN, null, null, null, null, 0, 100),
              new AuditPort.Query(null, "PLAYERS", null, null, null, 0, 100),
              new AuditPort.Query(null, "post", null, before, after, 2, 3),
              new AuditPort.Query("nobody", null, null, null, null, 0, 10),
              new AuditPort.Query(null, null, null, after, null, 0, 10),
              new AuditPort.Query(null, "100%_", null, null, null, 0, 10),
              new AuditPort.Query(null, null, null, null, null, 1, 0));
      for (AuditPort.Query q : queries) {
        Optional<AuditPort.Page> indexed = model.findNow(q);
        AuditPort.Page replayed = journal.find(q).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(indexed).as(q.toString()).contains(replayed);
      }
      assertThat(model.findNow(queries.get(2)).orElseThrow().total()).isGreaterThanOrEqualTo(6);
    }
  }
}
