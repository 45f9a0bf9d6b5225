package org.bluemarble.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The journal database, read once from {@code bluemarble.persistence}.
 *
 * @param slices number of event tags per entity type; fixed for the life of a journal
 */
public record PersistenceSettings(
    Dialect dialect,
    String url,
    String user,
    String password,
    int poolSize,
    int slices,
    Duration connectionTimeout) {

  private static final Pattern POSTGRES_URL =
      Pattern.compile("jdbc:postgresql://[^/:?\\s]+(:\\d{1,5})?/[^?\\s/]+(\\?\\S*)?");
  private static final Pattern H2_URL = Pattern.compile("jdbc:h2:(file:|mem:)\\S+");

  /** Which database the journal lives in. */
  public enum Dialect {
    H2,
    POSTGRES
  }

  public static PersistenceSettings fromConfig(Config config) {
    SettingsReader r = new SettingsReader(config);
    String dialectName = r.string("bluemarble.persistence.dialect");
    Dialect dialect =
        switch (dialectName) {
          case "h2" -> Dialect.H2;
          case "postgres" -> Dialect.POSTGRES;
          default ->
              throw SettingsException.invalid(
                  "bluemarble.persistence.dialect", dialectName, "h2 or postgres");
        };
    String url = r.string("bluemarble.persistence.url");
    Pattern expected = dialect == Dialect.POSTGRES ? POSTGRES_URL : H2_URL;
    if (!expected.matcher(url).matches()) {
      throw SettingsException.invalid(
          "bluemarble.persistence.url",
          url,
          dialect == Dialect.POSTGRES
              ? "a JDBC URL like jdbc:postgresql://host:5432/database"
              : "a JDBC URL like jdbc:h2:file:./data/bluemarble");
    }
    return new PersistenceSettings(
        dialect,
        url,
        r.string("bluemarble.persistence.user"),
        r.stringOrEmpty("bluemarble.persistence.password"),
        r.intIn("bluemarble.persistence.pool-size", 1, 100),
        r.intIn("bluemarble.persistence.slices", 1, 1024),
        r.duration(
            "bluemarble.persistence.connection-timeout",
            Duration.ofMillis(250),
            Duration.ofMinutes(5)));
  }

  @Override
  public String toString() {
    // Never print the password.
    return "PersistenceSettings[" + dialect + " " + url + " user=" + user + "]";
  }
}
