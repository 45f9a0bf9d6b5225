package org.bluemarble.config;

/** A host and a port, as written "host:port" in seed-node lists. */
public record HostPort(String host, int port) {

  /** Parses "host:port", failing with a message that names {@code key}. */
  public static HostPort parse(String key, String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw SettingsException.invalid(key, text, "host:port entries such as 127.0.0.1:25520");
    }
    String host = text.substring(0, colon).trim();
    try {
      int port = Integer.parseInt(text.substring(colon + 1).trim());
      if (port < 1 || port > 65535 || host.isEmpty()) {
        throw SettingsException.invalid(key, text, "host:port entries with a port 1-65535");
      }
      return new HostPort(host, port);
    } catch (NumberFormatException e) {
      throw SettingsException.invalid(key, text, "host:port entries with a port 1-65535");
    }
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
