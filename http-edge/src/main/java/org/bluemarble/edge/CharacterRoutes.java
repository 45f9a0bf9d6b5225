package org.bluemarble.edge;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.AccessClaims;
import org.bluemarble.edge.admin.Bearer;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.AccountPort;
import org.bluemarble.edge.port.PlayerView;

/**
 * A player's own characters, for the account of the access token: {@code GET /v1/characters} →
 * {characters: [...]}, {@code POST /v1/characters} {name, characterClass} → 201 {playerId, name,
 * characterClass}, {@code DELETE /v1/characters/{playerId}} → 204. At most 10 per account (409
 * beyond); names follow the game's character-name rules (400 otherwise).
 */
public final class CharacterRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.token("GET", "/v1/characters", "The account's characters"),
          PublicEndpoint.token("POST", "/v1/characters", "Create a character"),
          PublicEndpoint.token(
              "DELETE", "/v1/characters/{playerId}", "Remove a character from the account"));

  /** Body of a create request. */
  public record CreateCharacter(String name, String characterClass) {}

  /** Answer of a create request. */
  public record CreatedCharacter(String playerId, String name, String characterClass) {}

  /** Answer of the list request. */
  public record Characters(List<PlayerView> characters) {}

  private final AccountPort accounts;
  private final AuthComponents auth;

  public CharacterRoutes(AccountPort accounts, AuthComponents auth) {
    this.accounts = accounts;
    this.auth = auth;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("v1").slash("characters"),
        () ->
            withSizeLimit(
                AuthRoutes.MAX_BODY_BYTES,
                () ->
                    Bearer.authenticate(
                        auth.tokens(),
                        caller ->
                            concat(
                                pathEndOrSingleSlash(
                                    () ->
                                        concat(
                                            get(() -> list(caller)), post(() -> create(caller)))),
                                path(
                                    PathMatchers.segment(),
                                    id -> delete(() -> remove(caller, id)))))));
  }

  private Route list(AccessClaims caller) {
    return onSuccess(
        accounts.characters(UUID.fromString(caller.accountId())),
        found -> complete(StatusCodes.OK, new Characters(found), Json.marshaller()));
  }

  private Route create(AccessClaims caller) {
    return JsonBodies.read(
        CreateCharacter.class,
        body ->
            onSuccess(
                accounts.createCharacter(
                    UUID.fromString(caller.accountId()), body.name(), body.characterClass()),
                created ->
                    complete(
                        StatusCodes.CREATED,
                        new CreatedCharacter(
                            created.id(), created.name(), created.characterClass()),
                        Json.marshaller())));
  }

  private Route remove(AccessClaims caller, String id) {
    UUID playerId;
    try {
      playerId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return ApiErrors.complete(
          StatusCodes.BAD_REQUEST,
          "INVALID_ID",
          "player ids are UUIDs",
          Map.of("field", "playerId", "value", id, "reason", "not a UUID"));
    }
    return onSuccess(
        accounts.deleteCharacter(UUID.fromString(caller.accountId()), playerId),
        done -> complete(StatusCodes.NO_CONTENT));
  }
}
