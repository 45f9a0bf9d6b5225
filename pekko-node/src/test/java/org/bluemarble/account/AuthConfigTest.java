package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import java.time.Duration;
import java.util.Map;
import org.bluemarble.auth.Argon2Settings;
import org.bluemarble.auth.AuthSettings;
import org.bluemarble.auth.RateLimitSettings;
import org.bluemarble.config.ConfigLoader;
import org.bluemarble.config.Profile;
import org.junit.jupiter.api.Test;

/** The {@code bluemarble.auth} block of reference.conf carries the documented defaults. */
class AuthConfigTest {

  @Test
  void referenceConfHoldsTheDocumentedAuthDefaults() {
    Config config = ConfigLoader.load(Profile.EMBEDDED);
    AuthSettings auth = AuthSettings.fromConfig(config.getConfig("bluemarble.auth"));
    assertThat(auth.argon2()).isEqualTo(Argon2Settings.DEFAULT);
    assertThat(auth.rateLimits()).isEqualTo(RateLimitSettings.DEFAULTS);
    assertThat(auth.tokens().accessTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(auth.refreshTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(auth.keys().signingKey()).isEmpty();
    assertThat(auth.oidc().providers()).isEmpty();
  }

  @Test
  void noBootstrapAdminUnlessTheVariableIsSet() {
    // Resolved without the process environment, so the build machine's variables cannot decide.
    Config defaults =
        ConfigFactory.parseResources("embedded.conf")
            .withFallback(ConfigFactory.defaultReference())
            .resolve(ConfigResolveOptions.defaults().setUseSystemEnvironment(false));
    assertThat(defaults.getString("bluemarble.auth.bootstrap-admin")).isEmpty();

    Config withVariable =
        ConfigLoader.load(
            Profile.EMBEDDED,
            ConfigFactory.parseMap(
                Map.of("BLUEMARBLE_BOOTSTRAP_ADMIN", "boot_admin:long-enough-pw")));
    assertThat(withVariable.getString("bluemarble.auth.bootstrap-admin"))
        .isEqualTo("boot_admin:long-enough-pw");
  }

  @Test
  void httpServerExposesThePeerAddressForLoginLimits() {
    Config config = ConfigLoader.load(Profile.EMBEDDED);
    assertThat(config.getBoolean("pekko.http.server.remote-address-attribute")).isTrue();
  }
}
