package org.bluemarble.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed values from a Config and turns every problem into a {@link SettingsException} naming
 * the key.
 */
public final class SettingsReader {
  private final Config config;

  public SettingsReader(Config config) {
    this.config = config;
  }

  /** A non-blank string. */
  public String string(String key) {
    String value = raw(key);
    if (value.isBlank()) {
      throw SettingsException.invalid(key, value, "a non-empty value");
    }
    return value;
  }

  /** A string that may be empty. */
  public String stringOrEmpty(String key) {
    return raw(key);
  }

  /** An integer within [min, max]. */
  public int intIn(String key, int min, int max) {
    String value = raw(key).trim();
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw SettingsException.invalid(key, value, "an integer " + min + "-" + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw SettingsException.invalid(key, value, "an integer " + min + "-" + max);
    }
  }

  /** A whole number within [min, max]. */
  public long longIn(String key, long min, long max) {
    String value = raw(key).trim();
    try {
      long n = Long.parseLong(value);
      if (n < min || n > max) {
        throw SettingsException.invalid(key, value, "a whole number " + min + "-" + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw SettingsException.invalid(key, value, "a whole number " + min + "-" + max);
    }
  }

  /** A finite decimal number within {@code [min, max]}. */
  public double doubleIn(String key, double min, double max) {
    String value = raw(key).trim();
    String expected = "a number " + min + " to " + max;
    try {
      double d = Double.parseDouble(value);
      if (!(d >= min && d <= max)) {
        throw SettingsException.invalid(key, value, expected);
      }
      return d;
    } catch (NumberFormatException e) {
      throw SettingsException.invalid(key, value, expected);
    }
  }

  /** A TCP/UDP port number. */
  public int port(String key) {
    return intIn(key, 1, 65535);
  }

  /** A boolean: true/false/on/off/yes/no. */
  public boolean bool(String key) {
    try {
      return config.getBoolean(key);
    } catch (ConfigException.WrongType e) {
      throw SettingsException.invalid(key, raw(key), "true or false");
    } catch (ConfigException.Missing e) {
      throw SettingsException.missing(key);
    }
  }

  /** A duration within [min, max], written like "7s" or "500ms". */
  public Duration duration(String key, Duration min, Duration max) {
    Duration d;
    try {
      d = config.getDuration(key);
    } catch (ConfigException.BadValue | ConfigException.WrongType e) {
      throw SettingsException.invalid(key, raw(key), "a duration such as 7s or 500ms");
    } catch (ConfigException.Missing e) {
      throw SettingsException.missing(key);
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw SettingsException.invalid(key, raw(key), "a duration between " + min + " and " + max);
    }
    return d;
  }

  /**
   * A list of strings given either as a HOCON list or as one comma-separated string (handy from
   * environment variables).
   */
  public List<String> stringList(String key) {
    if (!config.hasPathOrNull(key) || config.getIsNull(key)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (config.getValue(key).valueType() == ConfigValueType.LIST) {
      for (String s : config.getStringList(key)) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    } else {
      for (String s : raw(key).split(",")) {
        if (!s.isBlank()) {
          out.add(s.trim());
        }
      }
    }
    return List.copyOf(out);
  }

  private String raw(String key) {
    try {
      if (!config.hasPath(key)) {
        throw SettingsException.missing(key);
      }
      return config.getValue(key).unwrapped().toString();
    } catch (ConfigException.BadPath e) {
      throw SettingsException.missing(key);
    }
  }
}
