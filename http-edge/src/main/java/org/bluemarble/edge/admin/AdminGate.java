package org.bluemarble.edge.admin;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.RemoteAddress;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.auth.Role;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.AdminEndpoint;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.port.AuditPort;
import scala.concurrent.duration.FiniteDuration;

/**
 * The one gate in front of everything under {@code /admin}: a valid access token (401 otherwise), a
 * role the matching {@link AdminEndpoint} allows (403 otherwise; paths no endpoint declares need
 * Admin), and for every action that is not a read (and every read of a person's data, {@link
 * AdminEndpoint#auditedRead}), an audit entry stored <em>before</em> the action runs (no audit, no
 * action: a failed write answers 503). The public documents ({@link #PUBLIC_PATHS}) pass without a
 * token: they describe the API and hold no data.
 */
public final class AdminGate extends AllDirectives {
  /** The verified caller, attached to the request for the routes inside the gate. */
  public static final AttributeKey<AccessClaims> CALLER =
      AttributeKey.create("bluemarble-admin-caller", AccessClaims.class);

  /** Served without a token: the OpenAPI document and Swagger UI. */
  public static final List<String> PUBLIC_PATHS = List.of("/admin/v1/openapi.json", "/admin/docs");

  private static final FiniteDuration BODY_WAIT = FiniteDuration.create(10, TimeUnit.SECONDS);

  private final TokenService tokens;
  private final List<AdminEndpoint> endpoints;
  private final AuditPort audit;
  private final Clock clock;

  public AdminGate(
      TokenService tokens, List<AdminEndpoint> endpoints, AuditPort audit, Clock clock) {
    this.tokens = tokens;
    this.endpoints = List.copyOf(endpoints);
    this.audit = audit;
    this.clock = clock;
  }

  /** The caller the gate verified (only inside the gate). */
  public static AccessClaims caller(HttpRequest request) {
    return request
        .getAttribute(CALLER)
        .orElseThrow(() -> new IllegalStateException("not behind the admin gate"));
  }

  /** {@code admin} behind the gate; requests outside {@code /admin} are rejected (not handled). */
  public Route wrap(Route admin) {
    return extractRequest(
        request -> {
          String path = request.getUri().path();
          if (!path.equals("/admin") && !path.startsWith("/admin/")) {
            return reject();
          }
          if (isPublic(path)) {
            return admin;
          }
          return Bearer.authenticate(tokens, claims -> authorize(request, path, claims, admin));
        });
  }

  private static boolean isPublic(String path) {
    return PUBLIC_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
  }

  private Route authorize(HttpRequest request, String path, AccessClaims claims, Route admin) {
    String method = request.method().name();
    Optional<Matched> matched = match(method, path);
    boolean allowed =
        matched.map(m -> m.endpoint().allows(claims.roles())).orElse(claims.has(Role.ADMIN));
    if (!allowed) {
      return ApiErrors.complete(
          StatusCodes.FORBIDDEN,
          "FORBIDDEN",
          "this route needs the role "
              + matched.map(m -> rolesOf(m.endpoint())).orElse(Role.ADMIN.claimValue()),
          Map.of("held", claims.roles().stream().map(Role::claimValue).sorted().toList()));
    }
    Route withCaller = mapRequest(r -> r.addAttribute(CALLER, claims), () -> admin);
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    if (read && !matched.map(m -> m.endpoint().auditedRead()).orElse(false)) {
      return withCaller;
    }
    String action = method + " " + matched.map(m -> m.endpoint().path()).orElse(path);
    String target =
        matched
            .map(
                m ->
                    m.variables().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",")))
            .orElse("");
    return extractStrictEntity(
        BODY_WAIT,
        entity -> {
          String body = entity.getData().utf8String();
          String details =
              body.length() > AuditPort.MAX_DETAILS
                  ? body.substring(0, AuditPort.MAX_DETAILS) + "…"
                  : body;
          AuditPort.Entry entry =
              new AuditPort.Entry(
                  claims.accountId(),
                  claims.name(),
                  action,
                  target,
                  details,
                  source(request),
                  clock.instant());
          return onSuccess(audit.record(entry), recorded -> withCaller);
        });
  }

  private static String rolesOf(AdminEndpoint endpoint) {
    return java.util.stream.Stream.concat(
            java.util.stream.Stream.of(Role.ADMIN), endpoint.roles().stream())
        .map(Role::claimValue)
        .distinct()
        .collect(Collectors.joining(" or "));
  }

  private record Matched(AdminEndpoint endpoint, Map<String, String> variables) {}

  /** The declared endpoint for a request; literal templates win over ones with variables. */
  private Optional<Matched> match(String method, String path) {
    Matched best = null;
    for (AdminEndpoint e : endpoints) {
      if (!e.method().equals(method)) {
        continue;
      }
      Optional<Map<String, String>> vars = PathTemplate.match(e.path(), path);
      if (vars.isPresent() && (best == null || vars.get().size() < best.variables().size())) {
        best = new Matched(e, vars.get());
      }
    }
    return Optional.ofNullable(best);
  }

  /** The TCP peer (see AuthRoutes: never X-Forwarded-For). */
  static String source(HttpRequest request) {
    return request
        .getAttribute(AttributeKeys.remoteAddress)
        .flatMap(RemoteAddress::getAddress)
        .map(InetAddress::getHostAddress)
        .orElse("unknown");
  }
}
