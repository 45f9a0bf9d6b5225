package org.bluemarble.edge;

import java.util.List;
import java.util.Optional;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.bluemarble.edge.internal.ApiErrors;
import org.bluemarble.edge.internal.Json;
import org.bluemarble.edge.port.LeaderboardPort;

/**
 * {@code GET /v1/leaderboards/{board}?limit=} (public, read-only): the first {@code limit} (1 to
 * {@value #MAX_LIMIT}, default 10) places of {@code level}, {@code wealth}, {@code kills} or {@code
 * trade-volume}. An unknown board is 404 UNKNOWN_BOARD, a bad limit 400 INVALID_INPUT.
 */
public final class LeaderboardRoutes extends AllDirectives {
  public static final List<PublicEndpoint> ENDPOINTS =
      List.of(
          PublicEndpoint.open(
              "GET",
              "/v1/leaderboards/{board}",
              "The best players of one leaderboard: level, wealth, kills or trade volume"));

  /** Most places one request may ask for. */
  public static final int MAX_LIMIT = 100;

  private final LeaderboardPort boards;

  public LeaderboardRoutes(LeaderboardPort boards) {
    this.boards = boards;
  }

  /** The reply: the board's name and its places, best first. */
  public record Places(String board, List<LeaderboardPort.Entry> entries) {}

  public Route route() {
    return path(
        PathMatchers.segment("v1").slash("leaderboards").slash(PathMatchers.segment()),
        name ->
            get(
                () ->
                    parameterOptional(
                        "limit",
                        limitText -> {
                          Optional<LeaderboardPort.Board> board = LeaderboardPort.Board.of(name);
                          if (board.isEmpty()) {
                            return ApiErrors.complete(
                                StatusCodes.NOT_FOUND,
                                "UNKNOWN_BOARD",
                                "boards are level, wealth, kills and trade-volume");
                          }
                          int limit;
                          try {
                            limit = limitText.map(Integer::parseInt).orElse(10);
                          } catch (NumberFormatException e) {
                            limit = -1;
                          }
                          if (limit < 1 || limit > MAX_LIMIT) {
                            return ApiErrors.complete(
                                StatusCodes.BAD_REQUEST,
                                "INVALID_INPUT",
                                "limit must be in [1, " + MAX_LIMIT + "]");
                          }
                          return onSuccess(
                              boards.top(board.get(), limit),
                              entries ->
                                  complete(
                                      StatusCodes.OK,
                                      new Places(board.get().path(), entries),
                                      Json.marshaller()));
                        })));
  }
}
