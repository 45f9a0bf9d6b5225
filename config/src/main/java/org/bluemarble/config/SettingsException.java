package org.bluemarble.config;

/**
 * A setting is missing or invalid. Its message is one line naming the key (and the environment
 * variable that sets it, when there is one), the value and what is allowed, so the node can print
 * it and exit without a stack trace.
 */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;

  public SettingsException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** A value that is present but not allowed. */
  public static SettingsException invalid(String key, Object value, String allowed) {
    return new SettingsException(
        key, "invalid setting " + describe(key) + " = \"" + value + "\": expected " + allowed);
  }

  /** A required value that nobody set. */
  public static SettingsException missing(String key) {
    return new SettingsException(key, "missing required setting " + describe(key));
  }

  /**
   * The key, e.g. {@code bluemarble.node.http-port}, or the environment variable name when that is
   * all we know.
   */
  public String key() {
    return key;
  }

  private static String describe(String key) {
    String env = EnvironmentVariables.forKey(key);
    return env == null ? key : key + " (environment variable " + env + ")";
  }
}
