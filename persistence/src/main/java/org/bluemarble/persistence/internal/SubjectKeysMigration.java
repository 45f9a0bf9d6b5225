package org.bluemarble.persistence.internal;

import java.util.List;
import org.bluemarble.config.PersistenceSettings;

/**
 * Migration 2: the per-account keys of crypto-shredding. One row per data subject (an account or a
 * character id); {@code secret} is the AES key of the subject's personal fields in the journal, set
 * to NULL with {@code erased_at} when the subject is erased (the row stays as a tombstone, so an
 * event written after the erasure is written without the field instead of under a fresh key).
 */
public final class SubjectKeysMigration extends StatementsMigration {
  /** The table's name; the node's key store reads and writes it. */
  public static final String TABLE = "bluemarble_subject_keys";

  public SubjectKeysMigration(PersistenceSettings.Dialect dialect) {
    super(dialect, "2", "crypto-shredding keys per data subject");
  }

  @Override
  List<String> sql(PersistenceSettings.Dialect dialect) {
    return statements(dialect);
  }

  static List<String> statements(PersistenceSettings.Dialect dialect) {
    String bytes =
        switch (dialect) {
          case POSTGRES -> "BYTEA";
          case H2 -> "VARBINARY(64)";
        };
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + TABLE
            + " (subject VARCHAR(64) NOT NULL PRIMARY KEY, secret "
            + bytes
            + ", created_at TIMESTAMP NOT NULL, erased_at TIMESTAMP)");
  }
}
