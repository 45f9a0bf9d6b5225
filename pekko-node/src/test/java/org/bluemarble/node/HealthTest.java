package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;

/** /health against a real journal database that goes away. */
class HealthTest {

  @Test
  void reportsUnhealthyWith503WhenTheJournalDatabaseCannotBeReached() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, db.configOverrides())) {
      AdminClient.Response healthy = node.client().health();
      assertThat(healthy.status()).isEqualTo(200);
      assertThat(healthy.body().path("checks").path("journal").path("status").asText())
          .isEqualTo("healthy");

      // The journal's database disappears (its connections are terminated).
      String name = db.url().substring(db.url().lastIndexOf('/') + 1).split("\\?")[0];
      String admin = db.url().replace("/" + name, "/postgres");
      try (Connection c = DriverManager.getConnection(admin, db.user(), db.password());
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE " + name + " WITH (FORCE)");
      }

      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> node.client().health().status() == 503);
      AdminClient.Response down = node.client().health();
      assertThat(down.body().path("status").asText()).isEqualTo("unhealthy");
      assertThat(down.body().path("checks").path("journal").path("status").asText())
          .isEqualTo("unhealthy");
      assertThat(down.body().path("checks").path("cluster").path("status").asText())
          .isEqualTo("healthy");
      // PostgreSQL's error names the database; the answer does not.
      assertThat(down.body().path("checks").path("journal").path("message").asText())
          .doesNotContain(name)
          .isIn(JournalProbe.UNREACHABLE, "no answer within 3000 ms");
    }
  }
}
