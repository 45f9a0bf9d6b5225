package org.bluemarble.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {
  /** The section the lead's reference.conf is meant to carry, with the documented defaults. */
  static final String DEFAULTS =
      """
      argon2 { memory-kib = 19456, iterations = 2, parallelism = 1, salt-bytes = 16, hash-bytes = 32 }
      tokens {
        issuer = "https://bluemarble.local/", audience = "bluemarble", access-ttl = 15m, clock-skew = 30s
        signing-key-file = "", previous-public-key-files = []
      }
      refresh-ttl = 30d
      refresh-grace = 10s
      session-ttl = 2h
      session-check-cache = 2s
      trusted-proxies = []
      rate-limits {
        api { capacity = 100, period = 1m }
        chat { capacity = 10, period = 1s }
        trade { capacity = 5, period = 1m }
        login-per-account { capacity = 10, period = 15m }
        login-per-address { capacity = 100, period = 15m }
        registration { capacity = 5, period = 1h }
      }
      oidc {
        jwks-cache-ttl = 15m, clock-skew = 60s, http-timeout = 2s
        providers = [ { name = google, issuer = "https://accounts.google.com", client-id = "abc",
                        jwks-uri = "https://www.googleapis.com/oauth2/v3/certs" } ]
      }
      """;

  @Test
  void readsEverySettingWithTheDocumentedDefaults() {
    AuthSettings settings = AuthSettings.fromConfig(ConfigFactory.parseString(DEFAULTS));
    assertThat(settings.argon2()).isEqualTo(Argon2Settings.DEFAULT);
    assertThat(settings.tokens().accessTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(settings.keys().signingKey()).isEmpty();
    assertThat(settings.refreshTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.refreshGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.rateLimits()).isEqualTo(RateLimitSettings.DEFAULTS);
    assertThat(settings.sessionCheckCache()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.oidc().providers())
        .containsExactly(
            new OidcProvider(
                "google",
                "https://accounts.google.com",
                "abc",
                URI.create("https://www.googleapis.com/oauth2/v3/certs")));
  }

  @Test
  void failsNamingTheKeyOfAnOutOfRangeValue() {
    Config bad =
        ConfigFactory.parseString("argon2.iterations = 0")
            .withFallback(ConfigFactory.parseString(DEFAULTS));
    assertThatThrownBy(() -> AuthSettings.fromConfig(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bluemarble.auth.argon2:")
        .hasMessageContaining("iterations");
  }

  @Test
  void rejectsAZeroSessionLifetime() {
    Config bad =
        ConfigFactory.parseString("session-ttl = 0s")
            .withFallback(ConfigFactory.parseString(DEFAULTS));
    assertThatThrownBy(() -> AuthSettings.fromConfig(bad))
        .hasMessageContaining("bluemarble.auth.session-ttl");
  }

  @Test
  void rejectsASessionShorterThanAnAccessToken() {
    Config bad =
        ConfigFactory.parseString("session-ttl = 10m")
            .withFallback(ConfigFactory.parseString(DEFAULTS));
    assertThatThrownBy(() -> AuthSettings.fromConfig(bad))
        .hasMessageContaining("bluemarble.auth.session-ttl")
        .hasMessageContaining("access-ttl");
  }

  @Test
  void failsNamingTheKeyOfAMissingOrMistypedValue() {
    Config missing = ConfigFactory.parseString(DEFAULTS).withoutPath("rate-limits.chat.period");
    assertThatThrownBy(() -> AuthSettings.fromConfig(missing))
        .hasMessageStartingWith("bluemarble.auth.rate-limits.chat:");
    Config mistyped =
        ConfigFactory.parseString("tokens.access-ttl = soon")
            .withFallback(ConfigFactory.parseString(DEFAULTS));
    assertThatThrownBy(() -> AuthSettings.fromConfig(mistyped))
        .hasMessageStartingWith("bluemarble.auth.tokens:")
        .hasMessageContaining("access-ttl");
  }
}
