package org.bluemarble.edge;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.admin.PathTemplate;
import org.bluemarble.edge.internal.ApiErrors;

/**
 * In front of the public API ({@link #PREFIXES}): a request whose path no {@link PublicEndpoint}
 * declares is answered 404 {@code NOT_FOUND} ("no such route"), one whose path is declared for
 * other methods 405 with the allowed ones, before any route runs. So a route added without its
 * declaration is never served, and the declarations (which the OpenAPI test compares with the
 * document) are the whole public API. {@code HEAD} and {@code OPTIONS} pass to the routes.
 */
public final class PublicGate extends AllDirectives {
  /** The path prefixes of the public API; everything else (/, /ws, /health, /admin) passes. */
  public static final List<String> PREFIXES = List.of("/v1/", "/api/", "/.well-known/");

  private static final Set<String> CHECKED = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final List<PublicEndpoint> endpoints;

  public PublicGate(List<PublicEndpoint> endpoints) {
    this.endpoints = List.copyOf(endpoints);
  }

  /** {@code inner} behind the gate. */
  public Route wrap(Supplier<Route> inner) {
    return extractRequest(
        request -> {
          String path = request.getUri().path();
          String method = request.method().name().toUpperCase(Locale.ROOT);
          if (!CHECKED.contains(method) || PREFIXES.stream().noneMatch(path::startsWith)) {
            return inner.get();
          }
          Set<String> allowed = new TreeSet<>();
          for (PublicEndpoint e : endpoints) {
            if (PathTemplate.match(e.path(), path).isPresent()) {
              if (e.method().equals(method)) {
                return inner.get();
              }
              allowed.add(e.method());
            }
          }
          return allowed.isEmpty()
              ? ApiErrors.complete(StatusCodes.NOT_FOUND, "NOT_FOUND", "no such route")
              : ApiErrors.complete(
                  StatusCodes.METHOD_NOT_ALLOWED,
                  "METHOD_NOT_ALLOWED",
                  "allowed: " + String.join(", ", allowed));
        });
  }
}
