package org.bluemarble.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.persistence.internal.PekkoJdbcSchemaMigration;
import org.bluemarble.persistence.internal.SubjectKeysMigration;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates or migrates the database schema at start. Idempotent (a restarted node finds the schema
 * at its version and does nothing) and safe when several nodes start at once on an empty database:
 * on PostgreSQL a session-level advisory lock serialises the nodes, and Flyway's history table
 * records what ran.
 *
 * <p>Migration 1 is the journal, tag and snapshot tables of pekko-persistence-jdbc, read from the
 * plugin's own jar so that they always match the plugin version. Migration 2 is the key table of
 * crypto-shredding ({@link SubjectKeysMigration}).
 */
public final class JournalSchema {
  /** Any constant: the advisory lock that serialises migrations of one database across nodes. */
  private static final long MIGRATION_LOCK = 0x426c75654d61726cL; // "BlueMarl"

  private JournalSchema() {}

  /**
   * Brings the schema to the latest version and returns the number of migrations applied now (0
   * when already current).
   */
  public static int migrate(PersistenceSettings settings, DataSource dataSource) {
    try {
      if (settings.dialect() == PersistenceSettings.Dialect.POSTGRES) {
        // The lock lives on its own connection, outside the pool, so Flyway keeps every pooled one.
        try (Connection lock =
            DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
          execute(lock, "SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
          try {
            return flyway(settings, dataSource).migrate().migrationsExecuted;
          } finally {
            execute(lock, "SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
          }
        }
      }
      synchronized (JournalSchema.class) {
        MigrateResult result = flyway(settings, dataSource).migrate();
        return result.migrationsExecuted;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot migrate the journal schema at " + settings.url() + ": " + e.getMessage(), e);
    }
  }

  private static Flyway flyway(PersistenceSettings settings, DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .table("bluemarble_schema_history")
        .locations("classpath:org/bluemarble/persistence/migration")
        .javaMigrations(
            new PekkoJdbcSchemaMigration(settings.dialect()),
            new SubjectKeysMigration(settings.dialect()))
        .baselineOnMigrate(false)
        .load();
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
