package org.bluemarble.stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.bluemarble.edge.port.AnalyticsPort;

/**
 * Daily analytics counters in the journal's database, filled exactly once per event (counter and
 * offset in one transaction) by one projection per tag. Each projection keeps its own rows (column
 * {@code source} = its tag), so projections never write the same row; readers add them up.
 * Counters: {@link DailyFacts}; {@code players.active} is the number of distinct characters created
 * or moved that day (UTC, by journal write time).
 */
public final class AnalyticsReadModel implements AnalyticsPort {

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS analytics_daily (day_utc VARCHAR(10) NOT NULL,"
              + " metric VARCHAR(64) NOT NULL, source VARCHAR(128) NOT NULL, amount BIGINT NOT NULL,"
              + " PRIMARY KEY (day_utc, metric, source))",
          "CREATE TABLE IF NOT EXISTS analytics_active_players (day_utc VARCHAR(10) NOT NULL,"
              + " player_id VARCHAR(255) NOT NULL, PRIMARY KEY (day_utc, player_id))");

  private final DataSource pool;
  private final Executor blocking;

  /**
   * @param blocking where the JDBC calls run (never an actor's thread)
   */
  public AnalyticsReadModel(DataSource pool, Executor blocking) {
    this.pool = pool;
    this.blocking = blocking;
  }

  @Override
  public CompletionStage<List<DailyMetric>> daily(LocalDate from, LocalDate to) {
    return CompletableFuture.supplyAsync(() -> dailyNow(from, to), blocking);
  }

  /** Creates the tables if missing (idempotent). */
  public static void createTables(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : DDL) {
        s.execute(sql);
      }
    }
  }

  static String day(long timestampMs) {
    return LocalDate.ofInstant(Instant.ofEpochMilli(timestampMs), ZoneOffset.UTC).toString();
  }

  /** The projection's handler for {@code tag}. */
  static JdbcHandler<EventEnvelope<Object>, PooledJdbcSession> handler(String tag) {
    return JdbcHandler.fromFunction(
        (PooledJdbcSession session, EventEnvelope<Object> envelope) -> {
          try {
            session.withConnection(c -> apply(c, tag, envelope));
          } catch (Exception e) {
            throw new IllegalStateException("analytics read model: " + e.getMessage(), e);
          }
        });
  }

  private static int apply(Connection c, String tag, EventEnvelope<Object> envelope)
      throws SQLException {
    String day = day(envelope.timestamp());
    int rows = 0;
    for (DailyFacts.Increment inc : DailyFacts.of(envelope.event())) {
      rows += add(c, day, inc.metric(), tag, inc.delta());
    }
    String player = DailyFacts.activePlayer(envelope.event());
    if (player != null) {
      rows += active(c, day, player);
    }
    return rows;
  }

  private static int add(Connection c, String day, String metric, String source, long delta)
      throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement(
            "UPDATE analytics_daily SET amount = amount + ? WHERE day_utc = ? AND metric = ? AND source = ?")) {
      u.setLong(1, delta);
      u.setString(2, day);
      u.setString(3, metric);
      u.setString(4, source);
      if (u.executeUpdate() > 0) {
        return 1;
      }
    }
    try (PreparedStatement i =
        c.prepareStatement(
            "INSERT INTO analytics_daily (day_utc, metric, source, amount) VALUES (?, ?, ?, ?)")) {
      i.setString(1, day);
      i.setString(2, metric);
      i.setString(3, source);
      i.setLong(4, delta);
      return i.executeUpdate();
    }
  }

  private static int active(Connection c, String day, String player) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT 1 FROM analytics_active_players WHERE day_utc = ? AND player_id = ?")) {
      q.setString(1, day);
      q.setString(2, player);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          return 0;
        }
      }
    }
    try (PreparedStatement i =
        c.prepareStatement(
            "INSERT INTO analytics_active_players (day_utc, player_id) VALUES (?, ?)")) {
      i.setString(1, day);
      i.setString(2, player);
      return i.executeUpdate();
    }
  }

  /** Every metric of every day in [from, to], by day then metric (blocking: JDBC). */
  List<DailyMetric> dailyNow(LocalDate from, LocalDate to) {
    String sql =
        "SELECT day_utc, metric, SUM(amount) FROM analytics_daily WHERE day_utc >= ? AND day_utc <= ?"
            + " GROUP BY day_utc, metric"
            + " UNION ALL SELECT day_utc, 'players.active', COUNT(*) FROM analytics_active_players"
            + " WHERE day_utc >= ? AND day_utc <= ? GROUP BY day_utc"
            + " ORDER BY 1, 2";
    try (Connection c = pool.getConnection();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, from.toString());
      p.setString(2, to.toString());
      p.setString(3, from.toString());
      p.setString(4, to.toString());
      List<DailyMetric> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(new DailyMetric(rs.getString(1), rs.getString(2), rs.getLong(3)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("analytics query failed: " + e.getMessage(), e);
    }
  }
}
