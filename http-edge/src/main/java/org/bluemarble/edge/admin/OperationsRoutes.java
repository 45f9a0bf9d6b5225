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
import org.bluemarble.edge.internal.JsonBodies;
import org.bluemarble.edge.port.OperationsPort;
import org.bluemarble.edge.port.PortException;

/**
 * Cluster operations: {@code GET /admin/v1/cluster} (members, shards per entity type), {@code POST
 * /admin/v1/broadcast} {message}, {@code GET|PUT /admin/v1/maintenance} {on, message}. Reads are
 * open to Moderators and Developers; changes are Admin only.
 */
public final class OperationsRoutes extends AllDirectives {
  private static final Set<Role> READERS = Set.of(Role.MODERATOR, Role.DEVELOPER);

  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint(
              "GET", "/admin/v1/cluster", READERS, "Cluster members and shards per entity type"),
          new AdminEndpoint("POST", "/admin/v1/broadcast", Set.of(), "Announce to everyone online"),
          new AdminEndpoint("GET", "/admin/v1/maintenance", READERS, "Maintenance mode"),
          new AdminEndpoint("PUT", "/admin/v1/maintenance", Set.of(), "Switch maintenance mode"));

  /** Longest announcement, characters. */
  public static final int MAX_MESSAGE = 500;

  /** Body of a broadcast. */
  public record BroadcastRequest(String message) {}

  /** Body of a maintenance switch. */
  public record MaintenanceRequest(boolean on, String message) {}

  private final OperationsPort operations;

  public OperationsRoutes(OperationsPort operations) {
    this.operations = operations;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("admin").slash("v1"),
        () ->
            concat(
                path(
                    "cluster",
                    () ->
                        get(
                            () ->
                                onSuccess(
                                    operations.cluster(),
                                    view -> complete(StatusCodes.OK, view, Json.marshaller())))),
                path("broadcast", () -> post(this::broadcast)),
                path(
                    "maintenance",
                    () ->
                        concat(
                            get(
                                () ->
                                    complete(
                                        StatusCodes.OK,
                                        operations.maintenance(),
                                        Json.marshaller())),
                            put(this::maintenance)))));
  }

  private Route broadcast() {
    return extractRequest(
        request ->
            JsonBodies.read(
                BroadcastRequest.class,
                body -> {
                  String message = message(body.message(), true);
                  operations.broadcast(message, AdminGate.caller(request).name());
                  return complete(StatusCodes.ACCEPTED);
                }));
  }

  private Route maintenance() {
    return extractRequest(
        request ->
            JsonBodies.read(
                MaintenanceRequest.class,
                body ->
                    onSuccess(
                        operations.setMaintenance(
                            body.on(),
                            message(body.message(), false),
                            AdminGate.caller(request).name()),
                        state -> complete(StatusCodes.OK, state, Json.marshaller()))));
  }

  private static String message(String message, boolean required) {
    if (message == null || message.isBlank()) {
      if (required) {
        throw new PortException(PortException.Code.INVALID_INPUT, "message must not be empty");
      }
      return "";
    }
    if (message.length() > MAX_MESSAGE) {
      throw new PortException(
          PortException.Code.INVALID_INPUT,
          "message must be at most " + MAX_MESSAGE + " characters, was " + message.length());
    }
    return message.strip();
  }
}
