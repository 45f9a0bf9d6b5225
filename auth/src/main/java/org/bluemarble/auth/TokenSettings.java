package org.bluemarble.auth;

import java.time.Duration;

/**
 * Settings of {@link TokenService}.
 *
 * @param issuer the {@code iss} claim written and required, e.g. {@code
 *     https://bluemarble.example/}
 * @param audience the {@code aud} claim written and required, e.g. {@code bluemarble-game}
 * @param accessTtl lifetime of an access token, 1 s .. 1 h; 15 minutes by default (DESIGN.md §5)
 * @param clockSkew tolerance for clocks of other nodes when checking {@code exp}/{@code iat}, 0 ..
 *     5 min; 30 s by default
 */
public record TokenSettings(
    String issuer, String audience, Duration accessTtl, Duration clockSkew) {

  public static final Duration DEFAULT_ACCESS_TTL = Duration.ofMinutes(15);
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

  public TokenSettings {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalArgumentException("token issuer must not be blank");
    }
    if (audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("token audience must not be blank");
    }
    if (accessTtl == null
        || accessTtl.compareTo(Duration.ofSeconds(1)) < 0
        || accessTtl.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("token accessTtl must be 1s..1h, was " + accessTtl);
    }
    if (clockSkew == null
        || clockSkew.isNegative()
        || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("token clockSkew must be 0..5min, was " + clockSkew);
    }
  }

  /** Default lifetime and skew for the given issuer and audience. */
  public static TokenSettings of(String issuer, String audience) {
    return new TokenSettings(issuer, audience, DEFAULT_ACCESS_TTL, DEFAULT_CLOCK_SKEW);
  }
}
