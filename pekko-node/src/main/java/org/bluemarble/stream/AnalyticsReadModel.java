package org.bluemarble.stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.bluemarble.edge.port.AnalyticsPort;
import org.bluemarble.player.Player;

/**
 * Daily analytics counters in the journal's database, filled exactly once per event (counter and
 * offset in one transaction) by one projection per tag. Each projection keeps its own rows (column
 * {@code source} = its tag), so projections never write the same row; readers add them up.
 * Counters: {@link DailyFacts}; {@code players.active} is the number of distinct characters created
 * or moved that day (UTC, by journal write time).
 *
 * <p>Presence ({@link PresenceRules}) from each character's position checkpoints, which only the
 * projection of the character's Player tag sees, so again no row has two writers: {@code
 * analytics_ccu} (minute, character) for the concurrent characters per minute, {@code
 * analytics_open_sessions} (each character's newest session) and {@code analytics_sessions} (the
 * finished ones). DAU and MAU count the characters of {@code analytics_active_players}.
 */
public final class AnalyticsReadModel implements AnalyticsPort {

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS analytics_daily (day_utc VARCHAR(10) NOT NULL,"
              + " metric VARCHAR(64) NOT NULL, source VARCHAR(128) NOT NULL, amount BIGINT NOT NULL,"
              + " PRIMARY KEY (day_utc, metric, source))",
          "CREATE TABLE IF NOT EXISTS analytics_active_players (day_utc VARCHAR(10) NOT NULL,"
              + " player_id VARCHAR(255) NOT NULL, PRIMARY KEY (day_utc, player_id))",
          "CREATE TABLE IF NOT EXISTS analytics_ccu (minute_epoch BIGINT NOT NULL,"
              + " player_id VARCHAR(255) NOT NULL, PRIMARY KEY (minute_epoch, player_id))",
          "CREATE TABLE IF NOT EXISTS analytics_open_sessions (player_id VARCHAR(255) PRIMARY KEY,"
              + " started_ms BIGINT NOT NULL, last_ms BIGINT NOT NULL)",
          "CREATE INDEX IF NOT EXISTS analytics_open_sessions_started ON analytics_open_sessions"
              + " (started_ms)",
          "CREATE TABLE IF NOT EXISTS analytics_sessions (player_id VARCHAR(255) NOT NULL,"
              + " started_ms BIGINT NOT NULL, ended_ms BIGINT NOT NULL,"
              + " PRIMARY KEY (player_id, started_ms))",
          "CREATE INDEX IF NOT EXISTS analytics_sessions_started ON analytics_sessions"
              + " (started_ms)");

  /** The session gap of a model built without one (the reference.conf default). */
  static final Duration DEFAULT_SESSION_GAP = Duration.ofSeconds(60);

  /** How many days MAU looks back, the day itself included. */
  static final int MAU_DAYS = 30;

  private final DataSource pool;
  private final Executor blocking;
  private final Duration sessionGap;
  private final Clock clock;

  /**
   * @param blocking where the JDBC calls run (never an actor's thread)
   */
  public AnalyticsReadModel(DataSource pool, Executor blocking) {
    this(pool, blocking, DEFAULT_SESSION_GAP, Clock.systemUTC());
  }

  /**
   * @param sessionGap a session is over after this long without a checkpoint
   * @param clock tells which open sessions are over
   */
  public AnalyticsReadModel(DataSource pool, Executor blocking, Duration sessionGap, Clock clock) {
    this.pool = pool;
    this.blocking = blocking;
    this.sessionGap = sessionGap;
    this.clock = clock;
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

  /** The projection's handler for {@code tag}; {@code sessionGap} as {@link PresenceRules}. */
  static JdbcHandler<EventEnvelope<Object>, PooledJdbcSession> handler(
      String tag, Duration sessionGap) {
    return JdbcHandler.fromFunction(
        (PooledJdbcSession session, EventEnvelope<Object> envelope) -> {
          try {
            session.withConnection(c -> apply(c, tag, sessionGap, envelope));
          } catch (Exception e) {
            throw new IllegalStateException("analytics read model: " + e.getMessage(), e);
          }
        });
  }

  static int apply(Connection c, String tag, Duration sessionGap, EventEnvelope<Object> envelope)
      throws SQLException {
    if (envelope.event() instanceof Player.PositionCheckpointed e) {
      presence(c, e.playerId(), e.at().toEpochMilli(), sessionGap);
    }
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

  /** A checkpoint of {@code player} at {@code atMs}: its minute, its session. */
  private static void presence(Connection c, String player, long atMs, Duration gap)
      throws SQLException {
    long minute = PresenceRules.minute(atMs);
    if (!exists(
        c,
        "SELECT 1 FROM analytics_ccu WHERE minute_epoch = ? AND player_id = ?",
        minute,
        player)) {
      Sql.update(
          c, "INSERT INTO analytics_ccu (minute_epoch, player_id) VALUES (?, ?)", minute, player);
    }
    PresenceRules.Open open = null;
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT started_ms, last_ms FROM analytics_open_sessions WHERE player_id = ?")) {
      q.setString(1, player);
      try (ResultSet rs = q.executeQuery()) {
        if (rs.next()) {
          open = new PresenceRules.Open(rs.getLong(1), rs.getLong(2));
        }
      }
    }
    PresenceRules.Step step = PresenceRules.checkpoint(open, atMs, gap);
    if (step.closed().isPresent()) {
      PresenceRules.Session done = step.closed().get();
      Sql.update(
          c,
          "DELETE FROM analytics_sessions WHERE player_id = ? AND started_ms = ?",
          player,
          done.startedMs());
      Sql.update(
          c,
          "INSERT INTO analytics_sessions (player_id, started_ms, ended_ms) VALUES (?, ?, ?)",
          player,
          done.startedMs(),
          done.endedMs());
    }
    if (open == null) {
      Sql.update(
          c,
          "INSERT INTO analytics_open_sessions (player_id, started_ms, last_ms) VALUES (?, ?, ?)",
          player,
          step.open().startedMs(),
          step.open().lastMs());
    } else {
      Sql.update(
          c,
          "UPDATE analytics_open_sessions SET started_ms = ?, last_ms = ? WHERE player_id = ?",
          step.open().startedMs(),
          step.open().lastMs(),
          player);
    }
  }

  private static boolean exists(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      Sql.bind(q, List.of(args));
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  @Override
  public CompletionStage<List<MinuteCount>> ccu(Instant from, Instant to) {
    return CompletableFuture.supplyAsync(() -> ccuNow(from, to), blocking);
  }

  @Override
  public CompletionStage<List<SessionDay>> sessions(LocalDate from, LocalDate to) {
    return CompletableFuture.supplyAsync(() -> sessionsNow(from, to), blocking);
  }

  @Override
  public CompletionStage<List<ActiveDay>> active(LocalDate from, LocalDate to) {
    return CompletableFuture.supplyAsync(() -> activeNow(from, to), blocking);
  }

  /** Characters online in each minute of [from, to), zeros included (blocking: JDBC). */
  List<MinuteCount> ccuNow(Instant from, Instant to) {
    long first = PresenceRules.minute(from.toEpochMilli());
    long end = PresenceRules.minute(to.toEpochMilli() + 59_999);
    Map<Long, Long> counted = new HashMap<>();
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT minute_epoch, COUNT(*) FROM analytics_ccu WHERE minute_epoch >= ?"
                    + " AND minute_epoch < ? GROUP BY minute_epoch")) {
      p.setLong(1, first);
      p.setLong(2, end);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          counted.put(rs.getLong(1), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("ccu query failed: " + e.getMessage(), e);
    }
    List<MinuteCount> out = new ArrayList<>();
    for (long m = first; m < end; m++) {
      out.add(
          new MinuteCount(
              Instant.ofEpochMilli(m * 60_000L).toString(), counted.getOrDefault(m, 0L)));
    }
    return out;
  }

  /**
   * The finished sessions started on each day of [from, to], with the open ones over by now
   * (blocking: JDBC).
   */
  List<SessionDay> sessionsNow(LocalDate from, LocalDate to) {
    long start = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    long now = clock.millis();
    Map<String, List<Long>> lengths = new TreeMap<>();
    try (Connection c = pool.getConnection()) {
      for (String table : List.of("analytics_sessions", "analytics_open_sessions")) {
        boolean open = table.equals("analytics_open_sessions");
        try (PreparedStatement p =
            c.prepareStatement(
                "SELECT started_ms, "
                    + (open ? "last_ms" : "ended_ms")
                    + " FROM "
                    + table
                    + " WHERE started_ms >= ? AND started_ms < ?")) {
          p.setLong(1, start);
          p.setLong(2, end);
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              PresenceRules.Open s = new PresenceRules.Open(rs.getLong(1), rs.getLong(2));
              if (open && !PresenceRules.ended(s, now, sessionGap)) {
                continue;
              }
              lengths
                  .computeIfAbsent(day(s.startedMs()), d -> new ArrayList<>())
                  .add(s.lastMs() - s.startedMs());
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("sessions query failed: " + e.getMessage(), e);
    }
    List<SessionDay> out = new ArrayList<>();
    lengths.forEach(
        (day, ms) -> {
          List<Long> sorted = ms.stream().sorted().toList();
          long total = sorted.stream().mapToLong(Long::longValue).sum();
          out.add(
              new SessionDay(
                  day,
                  sorted.size(),
                  total / 1000,
                  total / sorted.size() / 1000,
                  sorted.get((sorted.size() - 1) / 2) / 1000,
                  sorted.get(sorted.size() - 1) / 1000));
        });
    return out;
  }

  /** DAU and MAU of each day of [from, to] (blocking: JDBC). */
  List<ActiveDay> activeNow(LocalDate from, LocalDate to) {
    List<ActiveDay> out = new ArrayList<>();
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT COUNT(DISTINCT player_id) FROM analytics_active_players"
                    + " WHERE day_utc >= ? AND day_utc <= ?")) {
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        out.add(
            new ActiveDay(
                d.toString(), distinct(p, d, d), distinct(p, d.minusDays(MAU_DAYS - 1), d)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("active players query failed: " + e.getMessage(), e);
    }
    return out;
  }

  private static long distinct(PreparedStatement p, LocalDate from, LocalDate to)
      throws SQLException {
    p.setString(1, from.toString());
    p.setString(2, to.toString());
    try (ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
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
