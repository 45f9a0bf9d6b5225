package org.bluemarble.auth;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every auth setting, read once at start from the {@code bluemarble.auth} section by {@link
 * #fromConfig(Config)}, which fails with the offending key in the message. Keys (durations in HOCON
 * form, e.g. {@code 15m}):
 *
 * <pre>
 * argon2 { memory-kib, iterations, parallelism, salt-bytes, hash-bytes }
 * tokens { issuer, audience, access-ttl, clock-skew,
 *          signing-key-file (empty: generate at start), previous-public-key-files [list] }
 * refresh-ttl (default 30d), refresh-grace (default 10s), session-ttl (default 2h, the seed's session:{id} lifetime)
 * session-check-cache (default 2s: how stale a node's view of a revoked session may be)
 * rate-limits { api, chat, trade, login-per-account, login-per-address, registration }
 *             each { capacity, period }
 * trusted-proxies [CIDRs] (default none: X-Forwarded-For is ignored)
 * oidc { jwks-cache-ttl, clock-skew, http-timeout, providers [ { name, issuer, client-id, jwks-uri } ] }
 * </pre>
 */
public record AuthSettings(
    Argon2Settings argon2,
    TokenSettings tokens,
    KeyRingFiles.Settings keys,
    Duration refreshTtl,
    Duration refreshGrace,
    Duration sessionTtl,
    Duration sessionCheckCache,
    RateLimitSettings rateLimits,
    OidcSettings oidc,
    ClientAddresses clientAddresses) {

  public AuthSettings {
    if (refreshTtl.isNegative()
        || refreshTtl.isZero()
        || refreshTtl.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException(
          "bluemarble.auth.refresh-ttl must be in (0, 365d], was " + refreshTtl);
    }
    if (refreshGrace.isNegative() || refreshGrace.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "bluemarble.auth.refresh-grace must be in [0, 1m], was " + refreshGrace);
    }
    if (sessionTtl.isNegative()
        || sessionTtl.isZero()
        || sessionTtl.compareTo(Duration.ofDays(30)) > 0) {
      throw new IllegalArgumentException(
          "bluemarble.auth.session-ttl must be in (0, 30d], was " + sessionTtl);
    }
    if (sessionTtl.compareTo(tokens.accessTtl()) < 0) {
      throw new IllegalArgumentException(
          "bluemarble.auth.session-ttl ("
              + sessionTtl
              + ") must be at least tokens.access-ttl ("
              + tokens.accessTtl()
              + "): a token must not outlive its session");
    }
    if (sessionCheckCache.isNegative() || sessionCheckCache.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException(
          "bluemarble.auth.session-check-cache must be in [0, 1m], was " + sessionCheckCache);
    }
  }

  /** These settings with other key files (e.g. a signing key kept in the data directory). */
  public AuthSettings withKeys(KeyRingFiles.Settings otherKeys) {
    return new AuthSettings(
        argon2,
        tokens,
        otherKeys,
        refreshTtl,
        refreshGrace,
        sessionTtl,
        sessionCheckCache,
        rateLimits,
        oidc,
        clientAddresses);
  }

  /**
   * Reads the {@code bluemarble.auth} section (pass {@code config.getConfig("bluemarble.auth")}).
   *
   * @throws IllegalArgumentException naming the key whose value is missing, of the wrong type or
   *     out of range
   */
  public static AuthSettings fromConfig(Config auth) {
    return new AuthSettings(
        read(
            "argon2",
            () ->
                new Argon2Settings(
                    auth.getInt("argon2.memory-kib"),
                    auth.getInt("argon2.iterations"),
                    auth.getInt("argon2.parallelism"),
                    auth.getInt("argon2.salt-bytes"),
                    auth.getInt("argon2.hash-bytes"))),
        read(
            "tokens",
            () ->
                new TokenSettings(
                    auth.getString("tokens.issuer"),
                    auth.getString("tokens.audience"),
                    auth.getDuration("tokens.access-ttl"),
                    auth.getDuration("tokens.clock-skew"))),
        read("tokens", () -> keyFiles(auth.getConfig("tokens"))),
        read("refresh-ttl", () -> auth.getDuration("refresh-ttl")),
        read("refresh-grace", () -> auth.getDuration("refresh-grace")),
        read("session-ttl", () -> auth.getDuration("session-ttl")),
        read("session-check-cache", () -> auth.getDuration("session-check-cache")),
        read(
            "rate-limits",
            () ->
                new RateLimitSettings(
                    limit(auth, "rate-limits.api"),
                    limit(auth, "rate-limits.chat"),
                    limit(auth, "rate-limits.trade"),
                    limit(auth, "rate-limits.login-per-account"),
                    limit(auth, "rate-limits.login-per-address"),
                    limit(auth, "rate-limits.registration"))),
        read("oidc", () -> oidc(auth.getConfig("oidc"))),
        read("trusted-proxies", () -> ClientAddresses.trusting(list(auth, "trusted-proxies"))));
  }

  /** A list, or one comma-separated string (what an environment variable can hold). */
  private static List<String> list(Config auth, String path) {
    if (auth.getValue(path).valueType() == com.typesafe.config.ConfigValueType.LIST) {
      return auth.getStringList(path);
    }
    String text = auth.getString(path).trim();
    return text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
  }

  private static KeyRingFiles.Settings keyFiles(Config tokens) {
    String signing = tokens.getString("signing-key-file");
    List<Path> previous = new ArrayList<>();
    for (String path : tokens.getStringList("previous-public-key-files")) {
      previous.add(Path.of(path));
    }
    return new KeyRingFiles.Settings(
        signing.isBlank() ? Optional.empty() : Optional.of(Path.of(signing)), previous);
  }

  private static RateLimit limit(Config auth, String path) {
    return read(
        path,
        () -> new RateLimit(auth.getLong(path + ".capacity"), auth.getDuration(path + ".period")));
  }

  private static OidcSettings oidc(Config oidc) {
    List<OidcProvider> providers = new ArrayList<>();
    List<? extends Config> entries = oidc.getConfigList("providers");
    for (int i = 0; i < entries.size(); i++) {
      Config p = entries.get(i);
      providers.add(
          read(
              "oidc.providers[" + i + "]",
              () ->
                  new OidcProvider(
                      p.getString("name"),
                      p.getString("issuer"),
                      p.getString("client-id"),
                      URI.create(p.getString("jwks-uri")))));
    }
    return new OidcSettings(
        providers,
        oidc.getDuration("jwks-cache-ttl"),
        oidc.getDuration("clock-skew"),
        oidc.getDuration("http-timeout"));
  }

  private static <T> T read(String key, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (ConfigException | IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("bluemarble.auth.")) {
        throw e;
      }
      throw new IllegalArgumentException("bluemarble.auth." + key + ": " + e.getMessage(), e);
    }
  }
}
