package org.bluemarble.stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Small JDBC helpers of the read models' handlers (H2 and PostgreSQL alike, no upsert syntax). */
final class Sql {
  private Sql() {}

  static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, List.of(args));
      return p.executeUpdate();
    }
  }

  static void bind(PreparedStatement p, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof Long l) {
        p.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        p.setLong(i + 1, n);
      } else {
        p.setString(i + 1, (String) a);
      }
    }
  }

  /**
   * Adds {@code delta} to {@code column} of {@code table}'s row of {@code playerId} (created at
   * {@code delta} if missing) and returns the new value. The table's key column is {@code
   * player_id}.
   */
  static long add(Connection c, String table, String column, String playerId, long delta)
      throws SQLException {
    int moved =
        update(
            c,
            "UPDATE " + table + " SET " + column + " = " + column + " + ? WHERE player_id = ?",
            delta,
            playerId);
    if (moved == 0) {
      update(
          c,
          "INSERT INTO " + table + " (player_id, " + column + ") VALUES (?, ?)",
          playerId,
          delta);
    }
    try (PreparedStatement p =
        c.prepareStatement("SELECT " + column + " FROM " + table + " WHERE player_id = ?")) {
      p.setString(1, playerId);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Records that {@code model}'s projection of {@code tag} has applied {@code ordering}. */
  static int progress(Connection c, String model, String tag, long ordering) throws SQLException {
    if (update(
            c,
            "UPDATE read_model_progress SET ordering = ? WHERE model = ? AND tag = ?",
            ordering,
            model,
            tag)
        > 0) {
      return 1;
    }
    return update(
        c,
        "INSERT INTO read_model_progress (model, tag, ordering) VALUES (?, ?, ?)",
        model,
        tag,
        ordering);
  }

  /**
   * Whether {@code model}'s projections have reached the journal's newest event of each of {@code
   * tags} (event_tag is pekko-persistence-jdbc's tag table).
   */
  static boolean caughtUp(Connection c, String model, List<String> tags) throws SQLException {
    String marks = String.join(", ", java.util.Collections.nCopies(tags.size(), "?"));
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT COUNT(*) FROM (SELECT \"tag\" AS t, MAX(\"event_id\") AS m FROM \"event_tag\""
                + " WHERE \"tag\" IN ("
                + marks
                + ") GROUP BY \"tag\") j LEFT JOIN read_model_progress p"
                + " ON p.model = ? AND p.tag = j.t WHERE p.ordering IS NULL OR p.ordering < j.m")) {
      int i = 1;
      for (String tag : tags) {
        p.setString(i++, tag);
      }
      p.setString(i, model);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() && rs.getLong(1) == 0;
      }
    }
  }
}
