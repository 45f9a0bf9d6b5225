package org.bluemarble.edge.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.TokenService;
import org.bluemarble.edge.PublicEndpoint;
import org.bluemarble.edge.admin.Bearer;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.market.CharacterOwnership;
import org.bluemarble.edge.port.SocialAction;
import org.bluemarble.edge.port.SocialPort;
import org.bluemarble.edge.port.SocialPush;

/**
 * Friends, guilds and parties for web and mobile clients, for one of the caller's characters (JWT
 * access token as the other {@code /v1} routes; 403 {@code NOT_YOUR_CHARACTER} for another
 * account's, 404 for an unknown one):
 *
 * <ul>
 *   <li>{@code GET /v1/social/characters/{playerId}}: friends (online or not), requests, ignored,
 *       guild tag and party id;
 *   <li>{@code GET /v1/social/characters/{playerId}/guild} and {@code .../party};
 *   <li>{@code GET /v1/social/characters/{playerId}/guild/bank}: its guild's bank.
 *   <li>{@code POST /v1/social/characters/{playerId}/actions} {@code {verb, playerId, guildTag,
 *       text, partyId, copper, items, moveId}}: any action of the in-world {@code SocialRequest}
 *       (verb names without the {@code SOCIAL_VERB_} prefix, e.g. {@code FRIEND_REQUEST}, {@code
 *       GUILD_INVITE}).
 * </ul>
 *
 * Answers 200 with the action's answer, 400 {@code INVALID_INPUT}, 409 {@code SOCIAL_REFUSED} (the
 * message says which rule), 403 {@code SOCIAL_NOT_PERMITTED} (rank or party role) or 429 {@code
 * SOCIAL_DAILY_LIMIT} (a guild-bank withdrawal beyond the rank's daily limit).
 */
public final class SocialRoutes extends AllDirectives {
  /** The endpoints this class serves (see {@link PublicEndpoint}). */
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.token(
              "GET",
              "/v1/social/characters/{playerId}",
              "A character's friends (online or not), friend requests, ignored players, guild tag"
                  + " and party"),
          PublicEndpoint.token(
              "GET",
              "/v1/social/characters/{playerId}/guild",
              "The guild of one of the caller's characters: members and ranks"),
          PublicEndpoint.token(
              "GET",
              "/v1/social/characters/{playerId}/guild/bank",
              "The guild bank of one of the caller's characters' guild: copper and items (any"
                  + " member)"),
          PublicEndpoint.token(
              "GET",
              "/v1/social/characters/{playerId}/party",
              "The party of one of the caller's characters: members and leader"),
          PublicEndpoint.token(
              "POST",
              "/v1/social/characters/{playerId}/actions",
              "One social action for one of the caller's characters: friends, ignore list, guild,"
                  + " party, report"));

  private final SocialPort social;
  private final TokenService tokens;
  private final CharacterOwnership ownership;

  public SocialRoutes(SocialPort social, TokenService tokens, CharacterOwnership ownership) {
    this.social = social;
    this.tokens = tokens;
    this.ownership = ownership;
  }

  /** Body of an action ({@code copper}, {@code items}, {@code moveId}: the guild bank's verbs). */
  public record ActionRequest(
      String verb,
      String playerId,
      String guildTag,
      String text,
      String partyId,
      Long copper,
      List<SocialAction.Item> items,
      String moveId) {}

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("v1")
            .slash("social")
            .slash("characters")
            .slash(PathMatchers.segment()),
        character ->
            Bearer.authenticate(
                tokens,
                caller ->
                    concat(
                        pathEndOrSingleSlash(
                            () ->
                                get(
                                    () ->
                                        owned(
                                            caller.accountId(),
                                            character,
                                            SocialAction.Verb.LIST))),
                        path(
                            "guild",
                            () ->
                                get(
                                    () ->
                                        owned(
                                            caller.accountId(),
                                            character,
                                            SocialAction.Verb.GUILD_INFO))),
                        path(
                            PathMatchers.segment("guild").slash("bank"),
                            () ->
                                get(
                                    () ->
                                        owned(
                                            caller.accountId(),
                                            character,
                                            SocialAction.Verb.GUILD_BANK_INFO))),
                        path(
                            "party",
                            () ->
                                get(
                                    () ->
                                        owned(
                                            caller.accountId(),
                                            character,
                                            SocialAction.Verb.PARTY_INFO))),
                        path(
                            "actions",
                            () ->
                                post(
                                    () ->
                                        JsonBodies.read(
                                            ActionRequest.class,
                                            body ->
                                                owned(caller.accountId(), character, body)))))));
  }

  private Route owned(String account, String character, SocialAction.Verb verb) {
    return owned(
        account, character, new ActionRequest(verb.name(), "", "", "", "", 0L, List.of(), ""));
  }

  private Route owned(String account, String character, ActionRequest body) {
    SocialAction action;
    try {
      action = actionOf(body);
    } catch (IllegalArgumentException e) {
      return ApiErrors.complete(StatusCodes.BAD_REQUEST, "INVALID_INPUT", e.getMessage());
    }
    String id;
    try {
      id = UUID.fromString(character).toString();
    } catch (IllegalArgumentException e) {
      return unknown(character);
    }
    return onSuccess(
        ownership.check(account, id),
        verdict ->
            switch (verdict) {
              case OWNED -> onSuccess(social.act(id, action), this::answer);
              case NOT_YOURS ->
                  ApiErrors.complete(
                      StatusCodes.FORBIDDEN,
                      "NOT_YOUR_CHARACTER",
                      id + " is not a character of this account");
              case UNKNOWN -> unknown(character);
            });
  }

  private static Route unknown(String character) {
    return ApiErrors.complete(StatusCodes.NOT_FOUND, "NOT_FOUND", "no character " + character);
  }

  static SocialAction actionOf(ActionRequest body) {
    String verbName = body.verb() == null ? "" : body.verb().strip().toUpperCase(Locale.ROOT);
    SocialAction.Verb verb;
    try {
      verb = SocialAction.Verb.valueOf(verbName);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "verb must be one of "
              + java.util.Arrays.toString(SocialAction.Verb.values())
              + ", was "
              + body.verb());
    }
    SocialAction a =
        new SocialAction(
            verb,
            body.playerId(),
            body.guildTag(),
            body.text(),
            body.partyId(),
            body.copper() == null ? 0 : body.copper(),
            body.items(),
            body.moveId());
    String missing = a.missingArgument();
    if (missing != null) {
      throw new IllegalArgumentException(missing + " is required for " + verb);
    }
    if (a.text().length() > 500) {
      throw new IllegalArgumentException("text must be at most 500 characters");
    }
    return a;
  }

  private Route answer(SocialPush push) {
    if (push instanceof SocialPush.Refused r) {
      return switch (r.reason()) {
        case INVALID -> ApiErrors.complete(StatusCodes.BAD_REQUEST, "INVALID_INPUT", r.message());
        case REFUSED -> ApiErrors.complete(StatusCodes.CONFLICT, "SOCIAL_REFUSED", r.message());
        case NOT_PERMITTED ->
            ApiErrors.complete(StatusCodes.FORBIDDEN, "SOCIAL_NOT_PERMITTED", r.message());
        case DAILY_LIMIT ->
            ApiErrors.complete(StatusCodes.TOO_MANY_REQUESTS, "SOCIAL_DAILY_LIMIT", r.message());
      };
    }
    return complete(StatusCodes.OK, push, Json.marshaller());
  }
}
