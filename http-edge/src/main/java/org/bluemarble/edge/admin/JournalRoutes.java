package org.bluemarble.edge.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.auth.Role;
import org.bluemarble.edge.AdminEndpoint;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.JournalPort;
import org.bluemarble.edge.port.PortException;

/**
 * {@code /admin/v1/journal/...}: the event journals for designers, the same reads as the {@code
 * replay} CLI. Persistence ids go URL-encoded in the path ({@code Player%7C<id>}). Developers may
 * read them too; reads of events, states and diffs carry personal data and are audited.
 */
public final class JournalRoutes extends AllDirectives {
  private static final Set<Role> READERS = Set.of(Role.DEVELOPER);

  public static final List<AdminEndpoint> ENDPOINTS =
      List.of(
          new AdminEndpoint(
              "GET",
              "/admin/v1/journal/entities",
              READERS,
              "The entities in the event journal with their event counts"),
          new AdminEndpoint(
              "GET",
              "/admin/v1/journal/events/{persistenceId}",
              READERS,
              "An entity's events in order",
              true),
          new AdminEndpoint(
              "GET",
              "/admin/v1/journal/state/{persistenceId}",
              READERS,
              "An entity's state replayed to a sequence number or a time",
              true),
          new AdminEndpoint(
              "GET",
              "/admin/v1/journal/diff/{persistenceId}",
              READERS,
              "What changed in an entity's state between two events",
              true));

  private final JournalPort journal;

  public JournalRoutes(JournalPort journal) {
    this.journal = journal;
  }

  public Route route() {
    return pathPrefix(
        PathMatchers.segment("admin").slash("v1").slash("journal"),
        () ->
            get(
                () ->
                    parameterMap(
                        params ->
                            concat(
                                path(
                                    "entities",
                                    () ->
                                        answer(journal.entities(QueryParams.text(params, "type")))),
                                path(
                                    PathMatchers.segment("events").slash(PathMatchers.segment()),
                                    pid ->
                                        answer(
                                            journal.events(
                                                pid,
                                                number(params, "from", 1),
                                                number(params, "to", Long.MAX_VALUE)))),
                                path(
                                    PathMatchers.segment("state").slash(PathMatchers.segment()),
                                    pid -> state(pid, params)),
                                path(
                                    PathMatchers.segment("diff").slash(PathMatchers.segment()),
                                    pid ->
                                        answer(
                                            journal.diff(
                                                pid,
                                                number(params, "from", -1),
                                                number(params, "to", -1))))))));
  }

  private Route state(String pid, Map<String, String> params) {
    Long atSeq = params.containsKey("atSeq") ? number(params, "atSeq", 0) : null;
    Instant atTime = QueryParams.instant(params, "atTime");
    if (atSeq != null && atTime != null) {
      throw new PortException(PortException.Code.INVALID_INPUT, "give atSeq or atTime, not both");
    }
    return answer(journal.state(pid, atSeq, atTime));
  }

  private Route answer(CompletionStage<JsonNode> reply) {
    return onSuccess(reply, body -> complete(StatusCodes.OK, body, Json.marshaller()));
  }

  /** A whole number of at least 0 ({@code fallback} when absent; -1 means required). */
  private static long number(Map<String, String> params, String name, long fallback) {
    String text = params.get(name);
    if (text == null) {
      if (fallback < 0) {
        throw QueryParams.invalid(name, "", "a sequence number (required)");
      }
      return fallback;
    }
    try {
      long n = Long.parseLong(text.trim());
      if (n < 0) {
        throw QueryParams.invalid(name, text, "a whole number of at least 0");
      }
      return n;
    } catch (NumberFormatException e) {
      throw QueryParams.invalid(name, text, "a whole number of at least 0");
    }
  }
}
