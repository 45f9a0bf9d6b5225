package org.bluemarble.edge.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.PublicEndpoint;
import org.bluemarble.edge.admin.Bearer;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.PlanetPort;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.WorldAdminPort;
import org.bluemarble.planet.Biome;
import org.bluemarble.planet.TerrainQuery;

/**
 * {@code GET /v1/world/surroundings[?lat=&lng=]} → the biome, ground elevation and water of the
 * world planet at one point, for any logged-in account whose character is in the world (the browser
 * client shows the biome under the character with it). The point must lie within the world's area
 * of interest ({@code bluemarble.zone.aoi-radius}) of where the account's character stands (its
 * presence's latest authoritative position, on whichever node): without {@code lat}/{@code lng} it
 * is that position itself; farther points are refused with 403 {@code OUT_OF_SURROUNDINGS}, and an
 * account with no character in the world gets 409 {@code NOT_IN_WORLD}. So the terrain can only be
 * read around oneself, as one would see it. The world's planet id, seed and whole map stay with
 * staff ({@code GET /admin/v1/world}).
 */
public final class WorldSurroundingsRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.token(
              "GET",
              "/v1/world/surroundings",
              "Biome, colour, ground height and water of the world planet at a point"));

  private final WorldAdminPort world;
  private final PlanetPort planets;
  private final PlayPort play;
  private final TokenService tokens;

  /** {@code play} null: no world to play in, every read is answered NOT_IN_WORLD. */
  public WorldSurroundingsRoutes(
      WorldAdminPort world, PlanetPort planets, PlayPort play, TokenService tokens) {
    this.world = world;
    this.planets = planets;
    this.play = play;
    this.tokens = tokens;
  }

  /** What a point of the world is like. */
  public record Surroundings(
      double latitudeDeg,
      double longitudeDeg,
      String biome,
      String color,
      double groundMeters,
      boolean water) {}

  public Route route() {
    return path(
        PathMatchers.segment("v1").slash("world").slash("surroundings"),
        () ->
            get(
                () ->
                    Bearer.authenticate(
                        tokens,
                        caller ->
                            parameterOptional(
                                "lat",
                                lat ->
                                    parameterOptional(
                                        "lng", lng -> answer(caller.accountId(), lat, lng))))));
  }

  private Route answer(String accountId, Optional<String> latText, Optional<String> lngText) {
    Double lat = latText.isEmpty() ? null : number(latText, 90);
    if (latText.isPresent() && lat == null) {
      return badParameter("lat", latText.orElse(""), "a number in [-90, 90]");
    }
    Double lng = lngText.isEmpty() ? null : number(lngText, 180);
    if (lngText.isPresent() && lng == null) {
      return badParameter("lng", lngText.orElse(""), "a number in [-180, 180]");
    }
    if ((lat == null) != (lng == null)) {
      return badParameter(
          lat == null ? "lat" : "lng", "", "given together with the other, or both left out");
    }
    CompletionStage<Optional<PlayPosition>> where =
        play == null
            ? CompletableFuture.completedFuture(Optional.empty())
            : play.whereIs(accountId);
    return onSuccess(
        where,
        at -> {
          if (at.isEmpty()) {
            return ApiErrors.complete(
                StatusCodes.CONFLICT,
                "NOT_IN_WORLD",
                "none of this account's characters is in the world: surroundings are read around"
                    + " a character in the world");
          }
          return lat == null
              ? point(at.get(), at.get().latitudeDeg(), at.get().longitudeDeg())
              : point(at.get(), lat, lng);
        });
  }

  private Route point(PlayPosition at, double lat, double lng) {
    return onSuccess(
        planets.planet(world.world().planetId()),
        lookup -> {
          if (!(lookup instanceof PlanetPort.Ready ready)) {
            return ApiErrors.complete(
                StatusCodes.SERVICE_UNAVAILABLE,
                "WORLD_NOT_READY",
                "the world planet is not generated yet");
          }
          TerrainQuery terrain = ready.planet().terrainQuery();
          double limit = world.world().aoiRadiusMeters();
          double distance = terrain.surfaceDistance(at.latitudeDeg(), at.longitudeDeg(), lat, lng);
          if (distance > limit) {
            return ApiErrors.complete(
                StatusCodes.FORBIDDEN,
                "OUT_OF_SURROUNDINGS",
                String.format(
                    java.util.Locale.ROOT,
                    "(%.6f, %.6f) is %.0f m from your character; surroundings reach %.0f m",
                    lat,
                    lng,
                    distance,
                    limit),
                Map.of("distanceMeters", Math.round(distance), "limitMeters", Math.round(limit)));
          }
          Biome biome = terrain.biome(lat, lng);
          return complete(
              StatusCodes.OK,
              new Surroundings(
                  lat,
                  lng,
                  biome.wireName(),
                  biome.hexColor(),
                  terrain.elevation(lat, lng),
                  terrain.isWater(lat, lng)),
              Json.marshaller());
        });
  }

  /** The parameter as a finite number within ±{@code bound}, or null. */
  private static Double number(Optional<String> text, double bound) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      double v = Double.parseDouble(text.get().trim());
      return Double.isFinite(v) && Math.abs(v) <= bound ? v : null;
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
