package org.bluemarble.config;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Where generated planets are stored, read once from {@code bluemarble.terrain}.
 *
 * @param connectionTimeout how long a request for a connection to the H2 store may wait
 * @param startAttempts how often a node's start tries to load (or store) the world planet before it
 *     gives up, waiting {@code startBackoff} after the first failure and twice as long after each
 *     further one
 */
public record TerrainSettings(
    Store store,
    String mongodbUri,
    String mongodbDatabase,
    Duration connectionTimeout,
    int startAttempts,
    Duration startBackoff) {

  /** The two terrain stores. */
  public enum Store {
    H2,
    MONGODB
  }

  public static TerrainSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    String store = r.string("bluemarble.terrain.store");
    Store s =
        switch (store) {
          case "h2" -> Store.H2;
          case "mongodb" -> Store.MONGODB;
          default ->
              throw SettingsException.invalid("bluemarble.terrain.store", store, "h2 or mongodb");
        };
    String uri = r.string("bluemarble.terrain.mongodb-uri");
    if (s == Store.MONGODB && !uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
      throw SettingsException.invalid(
          "bluemarble.terrain.mongodb-uri", uri, "a connection string like mongodb://host:27017");
    }
    return new TerrainSettings(
        s,
        uri,
        r.string("bluemarble.terrain.mongodb-database"),
        r.duration(
            "bluemarble.terrain.connection-timeout", Duration.ofMillis(250), Duration.ofMinutes(5)),
        r.intIn("bluemarble.terrain.start-attempts", 1, 100),
        r.duration(
            "bluemarble.terrain.start-backoff", Duration.ofMillis(10), Duration.ofMinutes(1)));
  }

  @Override
  public String toString() {
    // A connection string may carry a password.
    return "TerrainSettings[" + store + "]";
  }
}
