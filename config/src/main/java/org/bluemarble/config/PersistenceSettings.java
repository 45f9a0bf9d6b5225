package org.bluemarble.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Locale;
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

  /** The setting that makes H2 write each commit before the commit returns. */
  public static final String H2_DURABLE_COMMITS = "WRITE_DELAY=0";

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
              : "a JDBC URL like jdbc:h2:file:./data/bluemarble;" + H2_DURABLE_COMMITS);
    }
    if (dialect == Dialect.H2 && url.startsWith("jdbc:h2:file:") && !durableH2(url)) {
      throw SettingsException.invalid(
          "bluemarble.persistence.url",
          url,
          "an H2 file URL with ;"
              + H2_DURABLE_COMMITS
              + " (without it H2 keeps committed transactions in memory for up to 500 ms, and a"
              + " killed node loses writes it has acknowledged)");
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

  /**
   * Whether an H2 URL sets {@code WRITE_DELAY=0} (H2's settings are case-insensitive; the last one
   * of a name counts).
   */
  public static boolean durableH2(String url) {
    boolean durable = false;
    for (String part : url.split(";")) {
      String setting = part.trim().toUpperCase(Locale.ROOT).replace(" ", "");
      if (setting.startsWith("WRITE_DELAY=")) {
        durable = setting.equals(H2_DURABLE_COMMITS);
      }
    }
    return durable;
  }

  @Override
  public String toString() {
    // Never print the password.
    return "PersistenceSettings[" + dialect + " " + url + " user=" + user + "]";
  }
}
