package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.bluemarble.edge.port.AnalyticsPort;
import org.bluemarble.persistence.Databases;
import org.bluemarble.persistence.TestPostgres;
import org.bluemarble.player.CharacterClass;
import org.bluemarble.player.Player;
import org.bluemarble.player.Position;
import org.junit.jupiter.api.Test;

/**
 * Presence and combat analytics from a scripted history of checkpoints, creations and kills,
 * applied by the analytics projection's handler into real PostgreSQL and H2: CCU per minute,
 * session lengths, DAU and MAU, kills per day.
 */
class AnalyticsPresenceTest {
  private static final Duration GAP = Duration.ofSeconds(60);
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final LocalDate DAY = LocalDate.parse("2026-11-30");

  @Test
  void presenceOnPostgres() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    try (HikariDataSource pool = Databases.pool(db.settings(), "test", 2)) {
      check(pool);
    }
  }

  @Test
  void presenceOnH2() throws Exception {
    org.h2.jdbcx.JdbcDataSource db = new org.h2.jdbcx.JdbcDataSource();
    db.setURL("jdbc:h2:mem:presence" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    check(db);
  }

  private static void check(DataSource db) throws Exception {
    AnalyticsReadModel.createTables(db);
    AtomicLong ordering = new AtomicLong();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      // "a": in the world 10:00:00-10:02:00 (checkpoint every 10 s), again from 10:10:00 to
      // 10:10:30
      for (int s = 0; s <= 120; s += 10) {
        apply(c, ordering, checkpoint("a", T0.plusSeconds(s)));
      }
      for (int s = 600; s <= 630; s += 10) {
        apply(c, ordering, checkpoint("a", T0.plusSeconds(s)));
      }
      // "b": 10:00:30-10:01:30, with two kills; "c": created 20 days before, never seen since
      for (int s = 30; s <= 90; s += 30) {
        apply(c, ordering, checkpoint("b", T0.plusSeconds(s)));
      }
      apply(c, ordering, kill("b", 40, T0.plusSeconds(45)));
      apply(c, ordering, kill("b", 25, T0.plusSeconds(50)));
      apply(c, ordering, experience("b", "quest:intro", 99, T0.plusSeconds(55)));
      Instant created = T0.minus(Duration.ofDays(20));
      apply(
          c,
          ordering,
          new Player.CharacterCreated("c", "Cee", CharacterClass.MAGE, created),
          created);
    }

    AnalyticsReadModel at640 = model(db, T0.plusSeconds(640));
    List<AnalyticsPort.MinuteCount> ccu = at640.ccuNow(T0, T0.plusSeconds(11 * 60));
    assertThat(ccu).hasSize(11);
    assertThat(ccu.stream().map(AnalyticsPort.MinuteCount::players).toList())
        .containsExactly(2L, 2L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L);
    assertThat(ccu.get(0).minute()).isEqualTo("2026-11-30T10:00:00Z");

    // At 10:10:40 "a"'s second session is still going: only the two finished ones count.
    assertThat(at640.sessionsNow(DAY, DAY))
        .containsExactly(new AnalyticsPort.SessionDay(DAY.toString(), 2, 180, 90, 60, 120));
    assertThat(model(db, T0.plusSeconds(700)).sessionsNow(DAY, DAY))
        .containsExactly(new AnalyticsPort.SessionDay(DAY.toString(), 3, 210, 70, 60, 120));
    assertThat(at640.sessionsNow(DAY.plusDays(1), DAY.plusDays(2))).isEmpty();

    assertThat(at640.activeNow(DAY.minusDays(20), DAY.minusDays(20)).get(0))
        .isEqualTo(new AnalyticsPort.ActiveDay(DAY.minusDays(20).toString(), 1, 1));
    assertThat(at640.activeNow(DAY, DAY.plusDays(1)))
        .containsExactly(
            new AnalyticsPort.ActiveDay(DAY.toString(), 2, 3),
            new AnalyticsPort.ActiveDay(DAY.plusDays(1).toString(), 0, 3));
    assertThat(at640.activeNow(DAY.plusDays(9), DAY.plusDays(10)))
        .extracting(AnalyticsPort.ActiveDay::mau)
        .containsExactly(3L, 2L);
    assertThat(at640.activeNow(DAY.plusDays(30), DAY.plusDays(30)).get(0).mau()).isZero();

    List<AnalyticsPort.DailyMetric> daily = at640.dailyNow(DAY, DAY);
    assertThat(daily)
        .contains(
            new AnalyticsPort.DailyMetric(DAY.toString(), "combat.kills", 2),
            new AnalyticsPort.DailyMetric(DAY.toString(), "combat.kills.experience", 65),
            new AnalyticsPort.DailyMetric(DAY.toString(), "players.active", 2));
  }

  private static AnalyticsReadModel model(DataSource db, Instant now) {
    return new AnalyticsReadModel(
        db, ForkJoinPool.commonPool(), GAP, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Player.PositionCheckpointed checkpoint(String player, Instant at) {
    return new Player.PositionCheckpointed(player, new Position(1, 2, 3), at);
  }

  private static Player.ExperienceGained kill(String player, long experience, Instant at) {
    return experience(player, "kill:wolf-" + at.getEpochSecond(), experience, at);
  }

  private static Player.ExperienceGained experience(
      String player, String source, long amount, Instant at) {
    return new Player.ExperienceGained(player, amount, source, "g-" + at, amount, at);
  }

  private static void apply(Connection c, AtomicLong ordering, Player.PositionCheckpointed e)
      throws Exception {
    apply(c, ordering, e, e.at());
  }

  private static void apply(Connection c, AtomicLong ordering, Player.ExperienceGained e)
      throws Exception {
    apply(c, ordering, e, e.at());
  }

  private static void apply(Connection c, AtomicLong ordering, Object event, Instant at)
      throws Exception {
    long n = ordering.incrementAndGet();
    EventEnvelope<Object> env =
        EventEnvelope.create(Offset.sequence(n), "Player|x", n, event, at.toEpochMilli());
    AnalyticsReadModel.apply(c, "player-0", GAP, env);
    c.commit();
  }
}
