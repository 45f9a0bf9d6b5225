package org.bluemarble.edge;

import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.WorldAdminPort;

/**
 * {@code GET /admin/v1/world} → the world planet and zone grid; {@code GET
 * /admin/v1/world/cells/{cellId}} → a zone cell's players, NPCs, resources and tick statistics (400
 * for an id that is not a zone-level S2 cell).
 */
public final class AdminWorldRoutes extends AllDirectives {
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
                    PathMatchers.segment("cells").slash(PathMatchers.segment()),
                    cellId ->
                        get(
                            () ->
                                onSuccess(
                                    world.cell(cellId),
                                    cell -> complete(StatusCodes.OK, cell, Json.marshaller()))))));
  }
}
