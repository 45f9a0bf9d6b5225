package org.bluemarble.edge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.WorldAdminPort;

/**
 * {@code GET /admin/v1/world} → the world planet and zone grid; {@code GET /admin/v1/world/cells} →
 * the zone cells running on all nodes (paged by {@code offset} and {@code limit}) with players,
 * NPCs and tick statistics; {@code GET /admin/v1/world/cells/{cellId}} → one zone cell's players,
 * NPCs, resources and tick statistics (400 for an id that is not a zone-level S2 cell). Moderators
 * and developers may read them. {@code GET /admin/v1/world/positions} → the players in the world
 * with their last acknowledged positions (paged like the cells): Admins only, and every read is
 * audited (it says where people are).
 */
public final class AdminWorldRoutes extends AllDirectives {
  /** Largest page of {@code /admin/v1/world/cells}. */
  public static final int MAX_LIMIT = 500;

  /** Page size when no {@code limit} is given. */
  public static final int DEFAULT_LIMIT = 50;

  private static final Set<Role> READERS = Set.of(Role.MODERATOR, Role.DEVELOPER);

  /** Every route this class serves, for the role check and the OpenAPI drift test. */
  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint(
              "GET", "/admin/v1/world", READERS, "The world planet and its zone grid"),
          new AdminEndpoint(
              "GET",
              "/admin/v1/world/cells",
              READERS,
              "Active zone cells on all nodes with players, NPCs and tick statistics (paged)"),
          new AdminEndpoint(
              "GET",
              "/admin/v1/world/cells/{cellId}",
              READERS,
              "One zone cell: players, NPCs, resources, tick statistics"),
          new AdminEndpoint(
              "GET",
              "/admin/v1/world/positions",
              Set.of(),
              "Players in the world on all nodes with their positions (paged; audited)",
              true));

  private final WorldAdminPort world;

  public AdminWorldRoutes(WorldAdminPort world) {
    this.world = world;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("admin").slash("v1").slash("world"),
        () ->
            concat(
                pathEndOrSingleSlash(
                    () -> get(() -> complete(StatusCodes.OK, world.world(), Json.marshaller()))),
                path(
                    PathMatchers.segment("cells"),
                    () ->
                        get(
                            () ->
                                parameterOptional(
                                    "offset",
                                    offset ->
                                        parameterOptional(
                                            "limit", limit -> cells(offset, limit))))),
                path(
                    PathMatchers.segment("positions"),
                    () ->
                        get(
                            () ->
                                parameterOptional(
                                    "offset",
                                    offset ->
                                        parameterOptional(
                                            "limit", limit -> positions(offset, limit))))),
                path(
                    PathMatchers.segment("cells").slash(PathMatchers.segment()),
                    cellId ->
                        get(
                            () ->
                                onSuccess(
                                    world.cell(cellId),
                                    cell -> complete(StatusCodes.OK, cell, Json.marshaller()))))));
  }

  private Route cells(Optional<String> offsetText, Optional<String> limitText) {
    Integer offset = integer(offsetText, 0, Integer.MAX_VALUE, 0);
    if (offset == null) {
      return badParameter("offset", offsetText.get(), "an integer >= 0");
    }
    Integer limit = integer(limitText, 1, MAX_LIMIT, DEFAULT_LIMIT);
    if (limit == null) {
      return badParameter("limit", limitText.get(), "an integer in [1, " + MAX_LIMIT + "]");
    }
    return onSuccess(
        world.cells(offset, limit), page -> complete(StatusCodes.OK, page, Json.marshaller()));
  }

  private Route positions(Optional<String> offsetText, Optional<String> limitText) {
    Integer offset = integer(offsetText, 0, Integer.MAX_VALUE, 0);
    if (offset == null) {
      return badParameter("offset", offsetText.get(), "an integer >= 0");
    }
    Integer limit = integer(limitText, 1, MAX_LIMIT, DEFAULT_LIMIT);
    if (limit == null) {
      return badParameter("limit", limitText.get(), "an integer in [1, " + MAX_LIMIT + "]");
    }
    return onSuccess(
        world.positions(offset, limit), page -> complete(StatusCodes.OK, page, Json.marshaller()));
  }

  /** The parameter's value, {@code fallback} when absent, null when invalid. */
  private static Integer integer(Optional<String> text, int min, int max, int fallback) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.get().trim());
      return n >= min && n <= max ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Route badParameter(String field, String value, String allowed) {
    return ApiErrors.complete(
        StatusCodes.BAD_REQUEST,
        "INVALID_PARAMETER",
        field + " must be " + allowed,
        Map.of("field", field, "value", value, "reason", "must be " + allowed));
  }
}
