package org.bluemarble.node.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bluemarble.config.Profile;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The journal's database (PostgreSQL, a server of this test's own) stops under a running node:
 * read-journal queries (here the admin audit log) are answered 503 instead of hanging, the {@code
 * journal-reads} breaker opens, and then they are refused at once.
 */
@Tag("slow")
class JournalReadsDownTest {

  @Test
  void auditReadsAreRefusedFastOnceTheJournalDatabaseIsGone() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
    boolean running = true;
    try {
      Map<String, Object> config = new HashMap<>();
      config.put("bluemarble.persistence.url", pg.getJdbcUrl("postgres", "postgres"));
      config.put("bluemarble.persistence.user", "postgres");
      config.put("bluemarble.persistence.password", "postgres");
      config.put("bluemarble.persistence.connection-timeout", "1s");
      config.put("bluemarble.resilience.breaker.request-volume", 4);
      try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, config)) {
        AdminClient api = node.client();
        String token = api.adminToken();
        assertThat(api.call("GET", "/admin/v1/audit", null, token).status()).isEqualTo(200);
        assertThat(JournalReads.get(node.system).breaker().state())
            .isEqualTo(CircuitBreaker.State.CLOSED);

        pg.close();
        running = false;

        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  AdminClient.Response r = api.call("GET", "/admin/v1/audit", null, token);
                  assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(503);
                  return JournalReads.get(node.system).breaker().state()
                      == CircuitBreaker.State.OPEN;
                });
        long start = System.nanoTime();
        AdminClient.Response refused = api.call("GET", "/admin/v1/audit", null, token);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().path("error").path("message").asText())
            .contains("journal-reads is unavailable (circuit open)");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
            .as("refusal while open")
            .isLessThan(2_000);
      }
    } finally {
      if (running) {
        pg.close();
      }
    }
  }
}
