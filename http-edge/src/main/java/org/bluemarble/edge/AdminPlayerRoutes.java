package org.bluemarble.edge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.bluemarble.edge.port.PlayerView;

/**
 * {@code POST /admin/v1/players} (JSON {@code {"name", "class"}}) → 201 with the new player's
 * profile; {@code GET /admin/v1/players/{id}} → 200 profile or 404.
 */
public final class AdminPlayerRoutes extends AllDirectives {
  /** Reading a player is allowed to Moderators and Developers too; creating one is Admin only. */
  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint("POST", "/admin/v1/players", Set.of(), "Create a player character"),
          new AdminEndpoint(
              "GET",
              "/admin/v1/players",
              Set.of(Role.MODERATOR, Role.DEVELOPER),
              "Search characters by name"),
          new AdminEndpoint(
              "GET",
              "/admin/v1/players/{playerId}",
              Set.of(Role.MODERATOR, Role.DEVELOPER),
              "A player's profile by id"));

  private final PlayerAdminPort players;

  public AdminPlayerRoutes(PlayerAdminPort players) {
    this.players = players;
  }

  /** Body of a create request. */
  public record CreatePlayer(String name, @JsonProperty("class") String characterClass) {}

  public Route route() {
    return pathPrefix(
        "admin",
        () ->
            pathPrefix(
                "v1",
                () ->
                    pathPrefix(
                        "players",
                        () ->
                            concat(
                                pathEndOrSingleSlash(
                                    () -> concat(post(this::create), get(this::search))),
                                path(PathMatchers.segment(), id -> get(() -> find(id)))))));
  }

  private Route create() {
    return JsonBodies.read(
        CreatePlayer.class,
        body ->
            onSuccess(
                players.create(body.name(), body.characterClass()),
                (PlayerView created) ->
                    respondWithHeader(
                        Location.create("/admin/v1/players/" + created.id()),
                        () -> complete(StatusCodes.CREATED, created, Json.marshaller()))));
  }

  /** Largest search result. */
  public static final int MAX_SEARCH = 200;

  /**
   * Answer of a search: the profiles and, in the same order, the summaries (account, characters,
   * level, last seen, wealth) from the read model (empty when the node keeps none).
   */
  public record Found(List<PlayerView> players, List<PlayerAdminPort.PlayerSummary> summaries) {}

  private Route search() {
    return parameter(
        "name",
        name ->
            parameterOptional(
                "limit",
                limitText -> {
                  int limit;
                  try {
                    limit = limitText.map(Integer::parseInt).orElse(50);
                  } catch (NumberFormatException e) {
                    limit = -1;
                  }
                  if (name.isBlank() || limit < 1 || limit > MAX_SEARCH) {
                    return ApiErrors.complete(
                        StatusCodes.BAD_REQUEST,
                        "INVALID_INPUT",
                        "name must not be empty and limit must be in [1, " + MAX_SEARCH + "]");
                  }
                  return onSuccess(
                      players
                          .search(name, limit)
                          .thenCombine(players.summaries(name, limit), Found::new),
                      found -> complete(StatusCodes.OK, found, Json.marshaller()));
                }));
  }

  private Route find(String id) {
    UUID playerId;
    try {
      playerId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return ApiErrors.complete(
          StatusCodes.BAD_REQUEST,
          "INVALID_ID",
          "player ids are UUIDs",
          Map.of("field", "id", "value", id, "reason", "not a UUID"));
    }
    return onSuccess(
        players.find(playerId),
        (Optional<PlayerView> found) ->
            found.isPresent()
                ? complete(StatusCodes.OK, found.get(), Json.marshaller())
                : ApiErrors.complete(
                    StatusCodes.NOT_FOUND, "PLAYER_NOT_FOUND", "no player " + playerId));
  }
}
