package org.bluemarble.edge.admin;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.AdminEndpoint;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.ChatAdminPort;
import org.bluemarble.edge.port.PortException;

/**
 * Chat moderation: {@code GET /admin/v1/chat} (degraded switch, queue, mutes), {@code POST
 * /admin/v1/chat/mutes} {playerId, minutes, reason}, {@code DELETE
 * /admin/v1/chat/mutes/{playerId}}, {@code GET /admin/v1/chat/history?channel=GENERAL}, {@code PUT
 * /admin/v1/chat/degraded} {on}, {@code GET /admin/v1/chat/reports?open=true}, {@code POST
 * /admin/v1/chat/reports/{reportId}} {action DISMISS|MUTE, minutes, note}. Moderators mute and
 * read; only Admins switch degraded chat. The gate audits every change.
 */
public final class ChatAdminRoutes extends AllDirectives {
  private static final Set<Role> MODERATORS = Set.of(Role.MODERATOR);

  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint("GET", "/admin/v1/chat", MODERATORS, "Chat status and mutes"),
          new AdminEndpoint(
              "POST", "/admin/v1/chat/mutes", MODERATORS, "Mute a player for a while"),
          new AdminEndpoint(
              "DELETE", "/admin/v1/chat/mutes/{playerId}", MODERATORS, "Lift a player's mute"),
          new AdminEndpoint(
              "GET", "/admin/v1/chat/history", MODERATORS, "The last lines of a channel"),
          new AdminEndpoint("PUT", "/admin/v1/chat/degraded", Set.of(), "Switch degraded chat"),
          new AdminEndpoint(
              "GET", "/admin/v1/chat/reports", MODERATORS, "Players' reports, newest first"),
          new AdminEndpoint(
              "POST",
              "/admin/v1/chat/reports/{reportId}",
              MODERATORS,
              "Act on a report: dismiss it or mute the reported player"));

  /** The longest mute, minutes (30 days). */
  public static final int MAX_MUTE_MINUTES = 30 * 24 * 60;

  /** Body of a mute. */
  public record MuteRequest(String playerId, Integer minutes, String reason) {}

  /** Body of an action on a report: {@code action} DISMISS or MUTE (for {@code minutes}). */
  public record ReportAction(String action, Integer minutes, String note) {}

  /** Body of the degraded switch. */
  public record DegradedRequest(boolean on) {}

  private final ChatAdminPort chat;

  public ChatAdminRoutes(ChatAdminPort chat) {
    this.chat = chat;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("admin").slash("v1").slash("chat"),
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        get(
                            () ->
                                onSuccess(
                                    chat.status(),
                                    s -> complete(StatusCodes.OK, s, Json.marshaller())))),
                path("mutes", () -> post(this::mute)),
                path(
                    "reports",
                    () ->
                        get(
                            () ->
                                parameterOptional(
                                    "open",
                                    open ->
                                        onSuccess(
                                            chat.reports(open.map("true"::equals).orElse(false)),
                                            list ->
                                                complete(
                                                    StatusCodes.OK, list, Json.marshaller()))))),
                path(
                    PathMatchers.segment("reports").slash(PathMatchers.segment()),
                    report -> post(() -> act(report))),
                path(
                    PathMatchers.segment("mutes").slash(PathMatchers.segment()),
                    player ->
                        delete(
                            () ->
                                extractRequest(
                                    request ->
                                        onSuccess(
                                            chat.unmute(player, AdminGate.caller(request).name()),
                                            done -> complete(StatusCodes.NO_CONTENT))))),
                path(
                    "history",
                    () ->
                        get(
                            () ->
                                parameterOptional(
                                    "channel",
                                    channel ->
                                        onSuccess(
                                            chat.history(channel.orElse("GENERAL")),
                                            lines ->
                                                complete(
                                                    StatusCodes.OK, lines, Json.marshaller()))))),
                path(
                    "degraded",
                    () ->
                        put(
                            () ->
                                extractRequest(
                                    request ->
                                        JsonBodies.read(
                                            DegradedRequest.class,
                                            body ->
                                                onSuccess(
                                                    chat.setDegraded(
                                                        body.on(),
                                                        AdminGate.caller(request).name()),
                                                    s ->
                                                        complete(
                                                            StatusCodes.OK,
                                                            s,
                                                            Json.marshaller()))))))));
  }

  private Route act(String reportId) {
    return extractRequest(
        request ->
            JsonBodies.read(
                ReportAction.class,
                body -> {
                  String action = body.action() == null ? "" : body.action().strip();
                  Duration mute;
                  if (action.equals("DISMISS")) {
                    mute = null;
                  } else if (action.equals("MUTE")) {
                    int minutes = body.minutes() == null ? 0 : body.minutes();
                    if (minutes < 1 || minutes > MAX_MUTE_MINUTES) {
                      throw new PortException(
                          PortException.Code.INVALID_INPUT,
                          "minutes must be 1-" + MAX_MUTE_MINUTES + ", was " + body.minutes());
                    }
                    mute = Duration.ofMinutes(minutes);
                  } else {
                    throw new PortException(
                        PortException.Code.INVALID_INPUT,
                        "action must be DISMISS or MUTE, was " + body.action());
                  }
                  String note = body.note() == null ? "" : body.note().strip();
                  if (note.length() > 500) {
                    throw new PortException(
                        PortException.Code.INVALID_INPUT, "note must be at most 500 characters");
                  }
                  return onSuccess(
                      chat.resolveReport(reportId, mute, note, AdminGate.caller(request).name()),
                      r -> complete(StatusCodes.OK, r, Json.marshaller()));
                }));
  }

  private Route mute() {
    return extractRequest(
        request ->
            JsonBodies.read(
                MuteRequest.class,
                body -> {
                  if (body.playerId() == null || body.playerId().isBlank()) {
                    throw new PortException(
                        PortException.Code.INVALID_INPUT, "playerId is required");
                  }
                  int minutes = body.minutes() == null ? 0 : body.minutes();
                  if (minutes < 1 || minutes > MAX_MUTE_MINUTES) {
                    throw new PortException(
                        PortException.Code.INVALID_INPUT,
                        "minutes must be 1-" + MAX_MUTE_MINUTES + ", was " + body.minutes());
                  }
                  String reason = body.reason() == null ? "" : body.reason().strip();
                  if (reason.length() > 500) {
                    throw new PortException(
                        PortException.Code.INVALID_INPUT, "reason must be at most 500 characters");
                  }
                  return onSuccess(
                      chat.mute(
                          body.playerId().strip(),
                          Duration.ofMinutes(minutes),
                          reason,
                          AdminGate.caller(request).name()),
                      m -> complete(StatusCodes.CREATED, m, Json.marshaller()));
                }));
  }
}
