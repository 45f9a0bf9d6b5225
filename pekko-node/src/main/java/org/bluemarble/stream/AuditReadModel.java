package org.bluemarble.stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.bluemarble.admin.AuditIndex;
import org.bluemarble.admin.AuditLog;
import org.bluemarble.edge.port.AuditPort;

/**
 * The audit log as a table in the journal's database ({@code audit_log_entries}), filled exactly
 * once per event by a projection (row and offset in one transaction) and queried through indexes on
 * time, actor id and actor name. It answers only when it holds every audit event the journal holds
 * (its highest journal ordering against the journal's), so a query right after an admin action
 * never misses it: {@link org.bluemarble.admin.AuditJournal} replays the journal otherwise.
 */
public final class AuditReadModel implements AuditIndex {
  static final String TABLE = "audit_log_entries";

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (ordering BIGINT PRIMARY KEY, persistence_id VARCHAR(255) NOT NULL,"
              + " sequence_nr BIGINT NOT NULL, at_nanos BIGINT NOT NULL, at_text VARCHAR(64) NOT NULL,"
              + " actor_id VARCHAR(255), actor_name VARCHAR(255), action VARCHAR(1024),"
              + " target VARCHAR(2048), details VARCHAR(4096), remote_address VARCHAR(255))",
          "CREATE INDEX IF NOT EXISTS " + TABLE + "_at ON " + TABLE + " (at_nanos)",
          "CREATE INDEX IF NOT EXISTS " + TABLE + "_actor_id ON " + TABLE + " (actor_id)",
          "CREATE INDEX IF NOT EXISTS " + TABLE + "_actor_name ON " + TABLE + " (actor_name)");

  /** The journal's newest audit event (event_tag is pekko-persistence-jdbc's tag table). */
  private static final String JOURNAL_NEWEST =
      "SELECT MAX(\"event_id\") FROM \"event_tag\" WHERE \"tag\" = '" + AuditLog.TAG + "'";

  private final DataSource pool;
  private final Executor blocking;

  /**
   * @param blocking where the JDBC calls run (never an actor's thread)
   */
  public AuditReadModel(DataSource pool, Executor blocking) {
    this.pool = pool;
    this.blocking = blocking;
  }

  /** Creates the table and its indexes if missing (idempotent). */
  public static void createTable(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : DDL) {
        s.execute(sql);
      }
    }
  }

  /** The projection's handler: one row per audit event, in the projection's transaction. */
  static JdbcHandler<EventEnvelope<AuditLog.Recorded>, PooledJdbcSession> handler() {
    return JdbcHandler.fromFunction(
        (PooledJdbcSession session, EventEnvelope<AuditLog.Recorded> envelope) -> {
          try {
            session.withConnection(c -> insert(c, envelope));
          } catch (Exception e) {
            throw new IllegalStateException("audit read model: " + e.getMessage(), e);
          }
        });
  }

  private static int insert(Connection c, EventEnvelope<AuditLog.Recorded> envelope)
      throws SQLException {
    AuditLog.Recorded r = envelope.event();
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " (ordering, persistence_id, sequence_nr, at_nanos, at_text, actor_id,"
                + " actor_name, action, target, details, remote_address)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setLong(1, ((Sequence) envelope.offset()).value());
      p.setString(2, envelope.persistenceId());
      p.setLong(3, envelope.sequenceNr());
      p.setLong(4, nanos(r.at()));
      p.setString(5, r.at().toString());
      p.setString(6, r.actorId());
      p.setString(7, r.actorName());
      p.setString(8, r.action());
      p.setString(9, r.target());
      p.setString(10, r.details());
      p.setString(11, r.remoteAddress());
      return p.executeUpdate();
    }
  }

  @Override
  public CompletionStage<Optional<AuditPort.Page>> find(AuditPort.Query query) {
    return CompletableFuture.supplyAsync(() -> findNow(query), blocking);
  }

  /** Blocking: the page, or empty while the table is behind the journal. */
  Optional<AuditPort.Page> findNow(AuditPort.Query q) {
    try (Connection c = pool.getConnection()) {
      if (newest(c, "SELECT MAX(ordering) FROM " + TABLE) < newest(c, JOURNAL_NEWEST)) {
        return Optional.empty();
      }
      List<Object> args = new ArrayList<>();
      String where = where(q, args);
      long total;
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + TABLE + where)) {
        bind(p, args);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          total = rs.getLong(1);
        }
      }
      List<AuditPort.Entry> entries = new ArrayList<>();
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT actor_id, actor_name, action, target, details, remote_address, at_text FROM "
                  + TABLE
                  + where
                  + " ORDER BY ordering DESC LIMIT ? OFFSET ?")) {
        List<Object> paged = new ArrayList<>(args);
        paged.add((long) Math.max(0, q.limit()));
        paged.add((long) Math.max(0, q.offset()));
        bind(p, paged);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            entries.add(
                new AuditPort.Entry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    Instant.parse(rs.getString(7))));
          }
        }
      }
      return Optional.of(new AuditPort.Page(List.copyOf(entries), q.offset(), q.limit(), total));
    } catch (SQLException e) {
      throw new IllegalStateException("audit read model query failed: " + e.getMessage(), e);
    }
  }

  private static long newest(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** The WHERE clause of {@code q} (same meaning as the journal scan's filter), args appended. */
  private static String where(AuditPort.Query q, List<Object> args) {
    StringBuilder w = new StringBuilder(" WHERE 1 = 1");
    if (q.actor() != null) {
      w.append(" AND (actor_id = ? OR actor_name = ?)");
      args.add(q.actor());
      args.add(q.actor());
    }
    if (q.action() != null) {
      w.append(" AND LOWER(action) LIKE ? ESCAPE '!'");
      args.add(containing(q.action()));
    }
    if (q.target() != null) {
      w.append(" AND LOWER(target) LIKE ? ESCAPE '!'");
      args.add(containing(q.target()));
    }
    if (q.from() != null) {
      w.append(" AND at_nanos >= ?");
      args.add(nanos(q.from()));
    }
    if (q.to() != null) {
      w.append(" AND at_nanos < ?");
      args.add(nanos(q.to()));
    }
    return w.toString();
  }

  private static String containing(String part) {
    String escaped =
        part.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    return "%" + escaped + "%";
  }

  private static void bind(PreparedStatement p, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof Long l) {
        p.setLong(i + 1, l);
      } else {
        p.setString(i + 1, (String) a);
      }
    }
  }

  /** Nanoseconds since the epoch, saturated (audit times are far inside the range). */
  static long nanos(Instant at) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    } catch (ArithmeticException e) {
      return at.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
