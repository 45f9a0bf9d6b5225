package org.bluemarble.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.bluemarble.config.PersistenceSettings;

/**
 * Connection pools for our own JDBC work (schema migration, health checks, read models). The
 * journal plugin keeps its own pool; these are small and separate so that a slow report can never
 * starve event writes.
 */
public final class Databases {
  private Databases() {}

  /**
   * A pool of at most {@code maxSize} connections named {@code name} (visible in the database's
   * activity views).
   */
  public static HikariDataSource pool(PersistenceSettings settings, String name, int maxSize) {
    HikariConfig c = new HikariConfig();
    c.setPoolName("bluemarble-" + name);
    c.setJdbcUrl(settings.url());
    c.setUsername(settings.user());
    c.setPassword(settings.password());
    c.setMaximumPoolSize(maxSize);
    c.setMinimumIdle(0);
    c.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
    c.setValidationTimeout(Math.max(250, Math.min(5_000, settings.connectionTimeout().toMillis())));
    // Start without a connection: a node whose database is down still starts and reports unhealthy.
    c.setInitializationFailTimeout(-1);
    return new HikariDataSource(c);
  }
}
