package org.bluemarble.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The journal's read side for replay, the admin journal routes and the gRPC tail: plain SQL on the
 * tables of pekko-persistence-jdbc (the same on H2 and PostgreSQL), blocking; callers run it on a
 * blocking executor. Every read of the journal by replay goes through this one class, so that a
 * circuit breaker can wrap it.
 */
public class JournalReader {
  /** Events one call returns at most. */
  public static final int MAX_ROWS = 10_000;

  /** Positions per tag query. */
  private static final int TAG_CHUNK = 500;

  private static final String COLUMNS =
      "j.\"ordering\", j.\"persistence_id\", j.\"sequence_number\", j.\"write_timestamp\","
          + " j.\"event_ser_id\", j.\"event_ser_manifest\", j.\"event_payload\"";

  private final DataSource db;

  public JournalReader(DataSource db) {
    this.db = db;
  }

  /** One persistence id: its highest sequence number and how many events it has. */
  public record Entity(String persistenceId, long highestSequenceNr, long events) {}

  /** One stored snapshot: sequence number and the serialized state. */
  public record SnapshotRow(
      String persistenceId, long sequenceNr, int serializerId, String manifest, byte[] payload) {}

  /**
   * The persistence ids in the journal, ordered; only those of {@code entityType} when it is not
   * null (the persistence id starts with {@code <type>|}).
   */
  public List<Entity> entities(String entityType) throws SQLException {
    String sql =
        "SELECT \"persistence_id\", MAX(\"sequence_number\"), COUNT(*) FROM \"event_journal\""
            + (entityType == null ? "" : " WHERE \"persistence_id\" LIKE ?")
            + " GROUP BY \"persistence_id\" ORDER BY \"persistence_id\"";
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      if (entityType != null) {
        s.setString(1, likePrefix(entityType + "|"));
      }
      List<Entity> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Entity(r.getString(1), r.getLong(2), r.getLong(3)));
        }
      }
      return out;
    }
  }

  /**
   * The events of {@code persistenceId} with sequence numbers in [from, to], in order, at most
   * {@link #MAX_ROWS}.
   */
  public List<JournalRow> events(String persistenceId, long from, long to) throws SQLException {
    return events(persistenceId, from, to, MAX_ROWS);
  }

  /** As {@link #events(String, long, long)}, at most {@code limit} events. */
  public List<JournalRow> events(String persistenceId, long from, long to, int limit)
      throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM \"event_journal\" j WHERE j.\"persistence_id\" = ? AND j.\"sequence_number\""
            + " >= ? AND j.\"sequence_number\" <= ? AND j.\"deleted\" = FALSE ORDER BY"
            + " j.\"sequence_number\"";
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, persistenceId);
      s.setLong(2, from);
      s.setLong(3, to);
      s.setMaxRows(Math.min(limit, MAX_ROWS));
      return withTags(c, read(s));
    }
  }

  /**
   * Events after the global position {@code ordering}, oldest first, at most {@code limit}: what a
   * tail polls.
   */
  public List<JournalRow> after(long ordering, int limit) throws SQLException {
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM \"event_journal\" j WHERE j.\"ordering\" > ? AND j.\"deleted\" = FALSE"
            + " ORDER BY j.\"ordering\"";
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, ordering);
      s.setMaxRows(Math.min(limit, MAX_ROWS));
      return withTags(c, read(s));
    }
  }

  /** The highest global position in the journal (0 when empty): where a new tail starts. */
  public long lastOrdering() throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT MAX(\"ordering\") FROM \"event_journal\"");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  /** The newest snapshot of {@code persistenceId} at or below {@code maxSequenceNr}, if any. */
  public Optional<SnapshotRow> snapshot(String persistenceId, long maxSequenceNr)
      throws SQLException {
    String sql =
        "SELECT \"sequence_number\", \"snapshot_ser_id\", \"snapshot_ser_manifest\","
            + " \"snapshot_payload\" FROM \"snapshot\" WHERE \"persistence_id\" = ? AND"
            + " \"sequence_number\" <= ? ORDER BY \"sequence_number\" DESC";
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, persistenceId);
      s.setLong(2, maxSequenceNr);
      s.setMaxRows(1);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new SnapshotRow(
                persistenceId, r.getLong(1), r.getInt(2), r.getString(3), r.getBytes(4)));
      }
    }
  }

  private static List<JournalRow> read(PreparedStatement s) throws SQLException {
    List<JournalRow> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        rows.add(
            new JournalRow(
                r.getLong(1),
                r.getString(2),
                r.getLong(3),
                r.getLong(4),
                List.of(),
                r.getInt(5),
                r.getString(6),
                r.getBytes(7)));
      }
    }
    return rows;
  }

  /** The rows with their tags, read by position in chunks of {@link #TAG_CHUNK}. */
  private static List<JournalRow> withTags(Connection c, List<JournalRow> rows)
      throws SQLException {
    if (rows.isEmpty()) {
      return rows;
    }
    Map<Long, List<String>> tags = new LinkedHashMap<>();
    for (int from = 0; from < rows.size(); from += TAG_CHUNK) {
      List<JournalRow> chunk = rows.subList(from, Math.min(rows.size(), from + TAG_CHUNK));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT \"event_id\", \"tag\" FROM \"event_tag\" WHERE \"event_id\" IN ("
                  + marks
                  + ") ORDER BY \"event_id\", \"tag\"")) {
        for (int i = 0; i < chunk.size(); i++) {
          s.setLong(i + 1, chunk.get(i).ordering());
        }
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            tags.computeIfAbsent(r.getLong(1), k -> new ArrayList<>()).add(r.getString(2));
          }
        }
      }
    }
    List<JournalRow> out = new ArrayList<>(rows.size());
    for (JournalRow row : rows) {
      List<String> t = tags.get(row.ordering());
      out.add(
          t == null
              ? row
              : new JournalRow(
                  row.ordering(),
                  row.persistenceId(),
                  row.sequenceNr(),
                  row.writeTimestamp(),
                  List.copyOf(t),
                  row.serializerId(),
                  row.manifest(),
                  row.payload()));
    }
    return out;
  }

  private static String likePrefix(String prefix) {
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
