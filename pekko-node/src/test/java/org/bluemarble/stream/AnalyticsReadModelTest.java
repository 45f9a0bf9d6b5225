package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.edge.port.AnalyticsPort;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The analytics counters kept by their projections on a running node equal the counters folded
 * straight from the journal with the same rules ({@link DailyFacts}).
 */
class AnalyticsReadModelTest {

  @Test
  void dailyCountersEqualTheJournal() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    Map<String, Object> overrides = new HashMap<>(db.configOverrides());
    overrides.put("bluemarble.persistence.slices", 2);
    overrides.put("bluemarble.stream.analytics.enabled", true);
    try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, overrides)) {
      AdminClient admin = node.client();
      for (int i = 0; i < 5; i++) {
        AdminClient.Response r = admin.createPlayer("Counted " + i, "Ranger");
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
      }
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      PersistenceSettings persistence =
          PersistenceSettings.fromConfig(node.system.settings().config());
      try (HikariDataSource pool = Databases.pool(persistence, "test", 2)) {
        AnalyticsReadModel model = new AnalyticsReadModel(pool, ForkJoinPool.commonPool());
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(
                () ->
                    assertThat(asMap(model.dailyNow(today.minusDays(1), today.plusDays(1))))
                        .isEqualTo(fromJournal(node, StreamProjections.analyticsTags(2))));
        Map<String, Long> counters = asMap(model.dailyNow(today, today));
        assertThat(counters.get(today + " characters.created")).isGreaterThanOrEqualTo(5L);
        assertThat(counters.get(today + " players.active")).isGreaterThanOrEqualTo(5L);
        assertThat(counters.get(today + " registrations")).isGreaterThanOrEqualTo(1L);

        AdminClient.Response http =
            admin.get("/admin/v1/analytics/daily?from=" + today + "&to=" + today);
        assertThat(http.status()).as(String.valueOf(http.body())).isEqualTo(200);
        assertThat(http.body().path("metrics").toString()).contains("characters.created");
        assertThat(admin.get("/admin/v1/analytics/daily?from=2026-13-01").status()).isEqualTo(400);
        assertThat(admin.get("/admin/v1/analytics/daily?from=2020-01-01&to=2026-01-01").status())
            .isEqualTo(400);
      }
    }
  }

  private static Map<String, Long> asMap(List<AnalyticsPort.DailyMetric> metrics) {
    Map<String, Long> out = new TreeMap<>();
    for (AnalyticsPort.DailyMetric m : metrics) {
      out.put(m.day() + " " + m.metric(), m.value());
    }
    return out;
  }

  private static Map<String, Long> fromJournal(InProcessNode node, List<String> tags)
      throws Exception {
    JdbcReadJournal journal =
        PersistenceQuery.get(node.system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    Map<String, Long> out = new TreeMap<>();
    Set<String> active = new HashSet<>();
    for (String tag : tags) {
      List<EventEnvelope> events =
          journal
              .currentEventsByTag(tag, Offset.noOffset())
              .runWith(Sink.seq(), node.system)
              .toCompletableFuture()
              .get(30, TimeUnit.SECONDS);
      for (EventEnvelope e : events) {
        String day = AnalyticsReadModel.day(e.timestamp());
        for (DailyFacts.Increment inc : DailyFacts.of(e.event())) {
          out.merge(day + " " + inc.metric(), inc.delta(), Long::sum);
        }
        String player = DailyFacts.activePlayer(e.event());
        if (player != null && active.add(day + " " + player)) {
          out.merge(day + " players.active", 1L, Long::sum);
        }
      }
    }
    return out;
  }
}
