package org.bluemarble.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import java.time.Duration;
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
    Config config = ConfigLoader.load(Profile.EMBEDDED);
    // The build environment does not set BLUEMARBLE_BOOTSTRAP_ADMIN.
    String expected = System.getenv().getOrDefault("BLUEMARBLE_BOOTSTRAP_ADMIN", "");
    assertThat(config.getString("bluemarble.auth.bootstrap-admin")).isEqualTo(expected);
  }

  @Test
  void httpServerExposesThePeerAddressForLoginLimits() {
    Config config = ConfigLoader.load(Profile.EMBEDDED);
    assertThat(config.getBoolean("pekko.http.server.remote-address-attribute")).isTrue();
  }
}
