package org.bluemarble.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the node's configuration for a profile: system properties over {@code overrides} over the
 * profile file (which includes application.conf and its per-concern files) over every
 * reference.conf. Environment variables enter through the files' {@code ${?VAR}} and {@code ${VAR}}
 * substitutions. Failures become {@link SettingsException}s with one-line messages.
 */
public final class ConfigLoader {
  private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{\\??([^}]+)}");

  private ConfigLoader() {}

  /** The profile named by {@code BLUEMARBLE_PROFILE}, or embedded when it is not set. */
  public static Profile profileFromEnvironment() {
    String name = System.getenv("BLUEMARBLE_PROFILE");
    return name == null || name.isBlank() ? Profile.EMBEDDED : Profile.fromName(name);
  }

  /** Loads and resolves the configuration of {@code profile}. */
  public static Config load(Profile profile) {
    return load(profile, ConfigFactory.empty());
  }

  /**
   * Loads and resolves the configuration of {@code profile}, with {@code overrides} taking
   * precedence over its files.
   */
  public static Config load(Profile profile, Config overrides) {
    try {
      ConfigFactory.invalidateCaches();
      Config file =
          ConfigFactory.parseResources(
              profile.id() + ".conf", ConfigParseOptions.defaults().setAllowMissing(false));
      return ConfigFactory.load(overrides.withFallback(file));
    } catch (ConfigException.UnresolvedSubstitution e) {
      throw missingVariable(e);
    } catch (ConfigException e) {
      throw new SettingsException("config", "configuration error: " + oneLine(e.getMessage()));
    }
  }

  private static SettingsException missingVariable(ConfigException.UnresolvedSubstitution e) {
    Matcher m = SUBSTITUTION.matcher(e.getMessage());
    if (m.find()) {
      String name = m.group(1);
      if (name.matches("[A-Z0-9_]+")) {
        return new SettingsException(
            name,
            "missing required environment variable "
                + name
                + " (sets "
                + EnvironmentVariables.keyFor(name)
                + ")");
      }
      return SettingsException.missing(name);
    }
    return new SettingsException("config", "configuration error: " + oneLine(e.getMessage()));
  }

  private static String oneLine(String message) {
    return message == null ? "unknown" : message.replaceAll("\\s+", " ").trim();
  }
}
