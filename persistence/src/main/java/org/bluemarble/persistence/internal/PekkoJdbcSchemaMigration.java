package org.bluemarble.persistence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bluemarble.config.PersistenceSettings;

/**
 * Migration 1: the schema that pekko-persistence-jdbc ships inside its jar, made re-runnable. The
 * shipped PostgreSQL script uses {@code CREATE INDEX CONCURRENTLY}, which cannot run inside a
 * transaction and fails when re-run; on the empty tables of a first migration a plain {@code CREATE
 * INDEX IF NOT EXISTS} is equivalent, and the whole migration then commits atomically.
 */
public final class PekkoJdbcSchemaMigration extends StatementsMigration {
  private static final Pattern CREATE_INDEX =
      Pattern.compile(
          "CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?(IF\\s+NOT\\s+EXISTS\\s+)?",
          Pattern.CASE_INSENSITIVE);

  public PekkoJdbcSchemaMigration(PersistenceSettings.Dialect dialect) {
    super(dialect, "1", "pekko-persistence-jdbc journal, tags, snapshots, durable state");
  }

  @Override
  List<String> sql(PersistenceSettings.Dialect dialect) {
    return statements(dialect);
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
