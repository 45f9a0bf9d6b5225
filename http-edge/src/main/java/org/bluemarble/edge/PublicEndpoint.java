package org.bluemarble.edge;

import java.util.Objects;
import java.util.Set;

/**
 * One route of the public HTTP API (accounts, characters, planet, world, marketplace, webhooks) as
 * it is served and documented. Each routes class declares its endpoints in a list of these; {@link
 * PublicGate} answers 404 for a path no endpoint declares (so a route cannot be served without its
 * declaration), and a test compares the declarations with the OpenAPI document in both directions.
 *
 * @param method the HTTP method in upper case, e.g. {@code POST}
 * @param path the path template in OpenAPI form, e.g. {@code /v1/planet/{planetId}/polygons}
 * @param access what the caller must present
 * @param summary one line for the document
 */
public record PublicEndpoint(String method, String path, Access access, String summary) {
  /** What a caller must present. */
  public enum Access {
    /** Nothing: open reads and the account routes that log in. */
    OPEN,
    /** An access token ({@code Authorization: Bearer}) from {@code POST /v1/auth/login}. */
    TOKEN,
    /** A {@code Payment-Signature} header made with the payments secret (the payment provider). */
    SIGNED
  }

  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  public PublicEndpoint {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    if (!METHODS.contains(method)) {
      throw new IllegalArgumentException("unknown HTTP method '" + method + "'");
    }
    if (!path.startsWith("/") || path.startsWith("/admin/")) {
      throw new IllegalArgumentException(
          "public path '" + path + "' must start with / but not /admin/");
    }
  }

  /** An open endpoint. */
  public static PublicEndpoint open(String method, String path, String summary) {
    return new PublicEndpoint(method, path, Access.OPEN, summary);
  }

  /** An endpoint that needs an access token. */
  public static PublicEndpoint token(String method, String path, String summary) {
    return new PublicEndpoint(method, path, Access.TOKEN, summary);
  }
}
