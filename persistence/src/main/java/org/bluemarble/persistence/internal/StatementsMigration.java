package org.bluemarble.persistence.internal;

import java.sql.Statement;
import java.util.List;
import org.bluemarble.config.PersistenceSettings;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that runs a list of SQL statements for the journal's dialect in one
 * transaction; its checksum is that of the statements, so a changed schema is noticed.
 */
abstract class StatementsMigration implements JavaMigration {
  private final PersistenceSettings.Dialect dialect;
  private final String version;
  private final String description;

  StatementsMigration(PersistenceSettings.Dialect dialect, String version, String description) {
    this.dialect = dialect;
    this.version = version;
    this.description = description;
  }

  /** The statements, in order, for {@code dialect}. */
  abstract List<String> sql(PersistenceSettings.Dialect dialect);

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(version);
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return sql(dialect).hashCode();
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement s = context.getConnection().createStatement()) {
      for (String statement : sql(dialect)) {
        s.execute(statement);
      }
    }
  }
}
