package org.bluemarble.edge.admin;

import java.util.List;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.AdminEndpoint;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.AuditPort;

/**
 * {@code GET /admin/v1/audit?actor&action&target&from&to&offset&limit}: the admin audit log, newest
 * first, filtered and paged. Read-only; Moderators may read it too. There is deliberately no route
 * that changes or deletes an entry.
 */
public final class AuditRoutes extends AllDirectives {
  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint(
              "GET",
              "/admin/v1/audit",
              Set.of(Role.MODERATOR),
              "Admin actions, newest first, filtered by actor, action, target and time"));

  /** Largest page. */
  public static final int MAX_LIMIT = 500;

  private final AuditPort audit;

  public AuditRoutes(AuditPort audit) {
    this.audit = audit;
  }

  public Route route() {
    return path(
        PathMatchers.segment("admin").slash("v1").slash("audit"),
        () ->
            get(
                () ->
                    parameterMap(
                        params -> {
                          AuditPort.Query query =
                              new AuditPort.Query(
                                  QueryParams.text(params, "actor"),
                                  QueryParams.text(params, "action"),
                                  QueryParams.text(params, "target"),
                                  QueryParams.instant(params, "from"),
                                  QueryParams.instant(params, "to"),
                                  QueryParams.integer(params, "offset", 0, 0, Integer.MAX_VALUE),
                                  QueryParams.integer(params, "limit", 50, 1, MAX_LIMIT));
                          return onSuccess(
                              audit.find(query),
                              page -> complete(StatusCodes.OK, page, Json.marshaller()));
                        })));
  }
}
