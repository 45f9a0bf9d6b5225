package org.bluemarble.persistence.internal;

import java.sql.Statement;
import java.util.List;
import org.bluemarble.config.PersistenceSettings;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 2: the per-account keys of crypto-shredding. One row per data subject (an account or a
 * character id); {@code secret} is the AES key of the subject's personal fields in the journal, set
 * to NULL with {@code erased_at} when the subject is erased (the row stays as a tombstone, so an
 * event written after the erasure is written without the field instead of under a fresh key).
 */
public final class SubjectKeysMigration implements JavaMigration {
  /** The table's name; the node's key store reads and writes it. */
  public static final String TABLE = "bluemarble_subject_keys";

  private final PersistenceSettings.Dialect dialect;

  public SubjectKeysMigration(PersistenceSettings.Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("2");
  }

  @Override
  public String getDescription() {
    return "crypto-shredding keys per data subject";
  }

  @Override
  public Integer getChecksum() {
    return statements(dialect).hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement s = context.getConnection().createStatement()) {
      for (String sql : statements(dialect)) {
        s.execute(sql);
      }
    }
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
