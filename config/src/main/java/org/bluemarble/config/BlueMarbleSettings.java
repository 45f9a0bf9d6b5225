package org.bluemarble.config;

import com.typesafe.config.Config;

/**
 * Every setting the node reads at start, validated; build it once and pass the parts each component
 * needs.
 */
public record BlueMarbleSettings(
    Config config,
    NodeSettings node,
    PersistenceSettings persistence,
    MetricsSettings metrics,
    PlanetSettings planet,
    TerrainSettings terrain,
    WorldSettings world,
    EdgeSettings edge,
    RemotingSettings remoting) {

  /** Validates everything; the first problem is thrown as a {@link SettingsException}. */
  public static BlueMarbleSettings fromConfig(Config config) {
    return new BlueMarbleSettings(
        config,
        NodeSettings.fromConfig(config),
        PersistenceSettings.fromConfig(config),
        MetricsSettings.fromConfig(config),
        PlanetSettings.fromConfig(config),
        TerrainSettings.fromConfig(config),
        WorldSettings.fromConfig(config),
        EdgeSettings.fromConfig(config),
        RemotingSettings.fromConfig(config));
  }

  /** Loads the profile's configuration and validates it. */
  public static BlueMarbleSettings load(Profile profile) {
    return fromConfig(ConfigLoader.load(profile));
  }
}
