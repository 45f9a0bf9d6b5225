package org.bluemarble.auth;

import java.net.URI;

/**
 * One external identity provider (Steam, Discord, Google, ...) as configuration.
 *
 * @param name our name for it, used in the login path, links and logs, e.g. {@code google}:
 *     lower-case letters, digits, {@code _} and {@code -}, 1-32 characters
 * @param issuer the exact {@code iss} its ID tokens carry
 * @param clientId our client id there; ID tokens must name it in {@code aud}
 * @param jwksUri where its public keys are served (http or https)
 */
public record OidcProvider(String name, String issuer, String clientId, URI jwksUri) {
  public OidcProvider {
    for (String[] field :
        new String[][] {{"name", name}, {"issuer", issuer}, {"clientId", clientId}}) {
      if (field[1] == null || field[1].isBlank()) {
        throw new IllegalArgumentException("OIDC provider " + field[0] + " must not be blank");
      }
    }
    if (!name.matches("[a-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException(
          "OIDC provider name must be 1-32 of [a-z0-9_-], was '" + name + "'");
    }
    if (jwksUri == null
        || !("https".equals(jwksUri.getScheme()) || "http".equals(jwksUri.getScheme()))) {
      throw new IllegalArgumentException(
          "OIDC provider " + name + ": jwksUri must be an http(s) URI, was " + jwksUri);
    }
  }
}
