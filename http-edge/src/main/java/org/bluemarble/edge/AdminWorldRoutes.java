package org.bluemarble.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.geometry.S2CellId;
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
import org.bluemarble.spatial.GeoPosition;
import org.bluemarble.spatial.MapProjection;
import org.bluemarble.spatial.PlanarPoint;
import org.bluemarble.spatial.Projections;
import org.bluemarble.spatial.SpatialCells;
import org.bluemarble.spatial.UnknownProjectionException;

/**
 * {@code GET /admin/v1/world} → the world planet and zone grid; {@code GET /admin/v1/world/cells} →
 * the zone cells running on all nodes (paged by {@code offset} and {@code limit}) with players,
 * NPCs and tick statistics, each with its centre ({@code latitudeDeg}, {@code longitudeDeg}; with
 * {@code projection=<name>} also {@code x}, {@code y} in that projection, as for positions below:
 * at planet scale a zone cell is far below a pixel, so a viewer draws the cell's creatures there);
 * {@code GET /admin/v1/world/cells/{cellId}} → one zone cell's players, NPCs, resources and tick
 * statistics (400 for an id that is not a zone-level S2 cell). Moderators and developers may read
 * them. {@code GET /admin/v1/world/positions} → the players in the world with their last
 * acknowledged positions (paged like the cells): Admins only, and every read is audited (it says
 * where people are); with {@code projection=<name>} each player also carries {@code x} and {@code
 * y}, its position in that projection exactly as {@code GET
 * /v1/planet/{id}/polygons?projection=<name>} projects the biome polygons (absent where the
 * projection cannot draw the point), so a map viewer draws players on the same map.
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
                                            "limit",
                                            limit ->
                                                parameterOptional(
                                                    "projection",
                                                    projection ->
                                                        cells(offset, limit, projection)))))),
                path(
                    PathMatchers.segment("positions"),
                    () ->
                        get(
                            () ->
                                parameterOptional(
                                    "offset",
                                    offset ->
                                        parameterOptional(
                                            "limit",
                                            limit ->
                                                parameterOptional(
                                                    "projection",
                                                    projection ->
                                                        positions(offset, limit, projection)))))),
                path(
                    PathMatchers.segment("cells").slash(PathMatchers.segment()),
                    cellId ->
                        get(
                            () ->
                                onSuccess(
                                    world.cell(cellId),
                                    cell -> complete(StatusCodes.OK, cell, Json.marshaller()))))));
  }

  private Route cells(
      Optional<String> offsetText, Optional<String> limitText, Optional<String> projectionName) {
    Integer offset = integer(offsetText, 0, Integer.MAX_VALUE, 0);
    if (offset == null) {
      return badParameter("offset", offsetText.get(), "an integer >= 0");
    }
    Integer limit = integer(limitText, 1, MAX_LIMIT, DEFAULT_LIMIT);
    if (limit == null) {
      return badParameter("limit", limitText.get(), "an integer in [1, " + MAX_LIMIT + "]");
    }
    MapProjection projection;
    try {
      projection = projectionName.map(Projections::byName).orElse(null);
    } catch (UnknownProjectionException e) {
      return badParameter("projection", projectionName.get(), "one of " + Projections.names());
    }
    return onSuccess(
        world.cells(offset, limit),
        page -> complete(StatusCodes.OK, withCentres(page, projection), Json.marshaller()));
  }

  /**
   * The page with each cell's centre, and its {@code x}, {@code y} in {@code projection} if set.
   */
  static ObjectNode withCentres(WorldAdminPort.CellPage page, MapProjection projection) {
    ObjectNode body = Json.MAPPER.valueToTree(page);
    ArrayNode cells = (ArrayNode) body.get("cells");
    for (int i = 0; i < page.cells().size(); i++) {
      S2CellId id = S2CellId.fromToken(page.cells().get(i).cellId());
      if (!id.isValid()) {
        continue;
      }
      GeoPosition c = SpatialCells.centreOf(id);
      ObjectNode cell = (ObjectNode) cells.get(i);
      cell.put("latitudeDeg", c.latitudeDeg()).put("longitudeDeg", c.longitudeDeg());
      if (projection != null && projection.accepts(c.latitudeDeg(), c.longitudeDeg())) {
        PlanarPoint xy = projection.forward(c.latitudeDeg(), c.longitudeDeg());
        cell.put("x", xy.x()).put("y", xy.y());
      }
    }
    if (projection != null) {
      body.put("projection", projection.name());
    }
    return body;
  }

  private Route positions(
      Optional<String> offsetText, Optional<String> limitText, Optional<String> projectionName) {
    Integer offset = integer(offsetText, 0, Integer.MAX_VALUE, 0);
    if (offset == null) {
      return badParameter("offset", offsetText.get(), "an integer >= 0");
    }
    Integer limit = integer(limitText, 1, MAX_LIMIT, DEFAULT_LIMIT);
    if (limit == null) {
      return badParameter("limit", limitText.get(), "an integer in [1, " + MAX_LIMIT + "]");
    }
    MapProjection projection;
    try {
      projection = projectionName.map(Projections::byName).orElse(null);
    } catch (UnknownProjectionException e) {
      return badParameter("projection", projectionName.get(), "one of " + Projections.names());
    }
    if (projection == null) {
      return onSuccess(
          world.positions(offset, limit),
          page -> complete(StatusCodes.OK, page, Json.marshaller()));
    }
    return onSuccess(
        world.positions(offset, limit),
        page -> complete(StatusCodes.OK, projected(page, projection), Json.marshaller()));
  }

  /** The page with each player's {@code x}, {@code y} in {@code projection} (where it draws). */
  static ObjectNode projected(WorldAdminPort.PositionPage page, MapProjection projection) {
    ObjectNode body = Json.MAPPER.valueToTree(page);
    ArrayNode players = (ArrayNode) body.get("players");
    for (int i = 0; i < page.players().size(); i++) {
      WorldAdminPort.PlayerPosition p = page.players().get(i);
      if (projection.accepts(p.latitudeDeg(), p.longitudeDeg())) {
        PlanarPoint xy = projection.forward(p.latitudeDeg(), p.longitudeDeg());
        ((ObjectNode) players.get(i)).put("x", xy.x()).put("y", xy.y());
      }
    }
    body.put("projection", projection.name());
    return body;
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
