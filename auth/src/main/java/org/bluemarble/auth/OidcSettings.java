package org.bluemarble.auth;

import java.time.Duration;
import java.util.List;

/**
 * The providers {@link OidcVerifier} accepts and how it treats their keys.
 *
 * @param providers unique names
 * @param jwksCacheTtl how long a fetched JWKS is trusted before it is fetched again, 1 min .. 1 day
 *     (default 15 min)
 * @param clockSkew tolerance for the provider's clock on {@code exp}/{@code iat}, 0 .. 5 min
 *     (default 60 s)
 * @param httpTimeout connect and read timeout of a JWKS fetch, 100 ms .. 30 s (default 2 s)
 */
public record OidcSettings(
    List<OidcProvider> providers, Duration jwksCacheTtl, Duration clockSkew, Duration httpTimeout) {
  public OidcSettings {
    providers = List.copyOf(providers);
    if (providers.stream().map(OidcProvider::name).distinct().count() != providers.size()) {
      throw new IllegalArgumentException("OIDC provider names must be unique");
    }
    check("jwksCacheTtl", jwksCacheTtl, Duration.ofMinutes(1), Duration.ofDays(1));
    check("clockSkew", clockSkew, Duration.ZERO, Duration.ofMinutes(5));
    check("httpTimeout", httpTimeout, Duration.ofMillis(100), Duration.ofSeconds(30));
  }

  /** Defaults for the given providers. */
  public static OidcSettings of(List<OidcProvider> providers) {
    return new OidcSettings(
        providers, Duration.ofMinutes(15), Duration.ofSeconds(60), Duration.ofSeconds(2));
  }

  private static void check(String name, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(
          "OIDC " + name + " must be " + min + ".." + max + ", was " + value);
    }
  }
}
