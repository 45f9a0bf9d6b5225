package org.bluemarble.config;

import com.typesafe.config.Config;

/** Where generated planets are stored, read once from {@code bluemarble.terrain}. */
public record TerrainSettings(Store store, String mongodbUri, String mongodbDatabase) {

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
    return new TerrainSettings(s, uri, r.string("bluemarble.terrain.mongodb-database"));
  }

  @Override
  public String toString() {
    // A connection string may carry a password.
    return "TerrainSettings[" + store + "]";
  }
}
