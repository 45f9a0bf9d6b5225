package org.bluemarble.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bluemarble.config.PersistenceSettings;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 1: the schema that pekko-persistence-jdbc ships inside its jar, made re-runnable. The
 * shipped PostgreSQL script uses {@code CREATE INDEX CONCURRENTLY}, which cannot run inside a
 * transaction and fails when re-run; on the empty tables of a first migration a plain {@code CREATE
 * INDEX IF NOT EXISTS} is equivalent, and the whole migration then commits atomically.
 */
public final class PekkoJdbcSchemaMigration implements JavaMigration {
  private static final Pattern CREATE_INDEX =
      Pattern.compile(
          "CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?",
          Pattern.CASE_INSENSITIVE);

  private final PersistenceSettings.Dialect dialect;

  public PekkoJdbcSchemaMigration(PersistenceSettings.Dialect dialect) {
    this.dialect = dialect;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("1");
  }

  @Override
  public String getDescription() {
    return "pekko-persistence-jdbc journal, tags, snapshots, durable state";
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

  /**
   * The plugin's create-schema statements for {@code dialect}, rewritten to be idempotent and
   * transactional.
   */
  public static List<String> statements(PersistenceSettings.Dialect dialect) {
    String resource =
        switch (dialect) {
          case POSTGRES -> "schema/postgres/postgres-create-schema.sql";
          case H2 -> "schema/h2/h2-create-schema.sql";
        };
    List<String> out = new ArrayList<>();
    for (String raw : read(resource).split(";")) {
      String sql = raw.strip();
      if (!sql.isEmpty()) {
        out.add(
            CREATE_INDEX
                .matcher(sql)
                .replaceFirst(
                    m ->
                        "CREATE "
                            + (m.group(1) == null ? "" : "UNIQUE ")
                            + "INDEX IF NOT EXISTS "));
      }
    }
    return out;
  }

  private static String read(String resource) {
    try (InputStream in =
        PekkoJdbcSchemaMigration.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "pekko-persistence-jdbc schema not on the classpath: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
