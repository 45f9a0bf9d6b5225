package org.bluemarble.edge.port;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The leaderboards: the players with the highest level, wealth (copper), kills and trade volume
 * (copper bought and sold in the markets), best first. Kept by the event stream's projections.
 */
public interface LeaderboardPort {

  /** The boards, with their path names. */
  enum Board {
    LEVEL("level"),
    WEALTH("wealth"),
    KILLS("kills"),
    TRADE_VOLUME("trade-volume");

    private final String path;

    Board(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }

    /** The board named {@code path} ({@code level}, {@code wealth}, ...), or empty. */
    public static Optional<Board> of(String path) {
      for (Board b : values()) {
        if (b.path.equals(path.toLowerCase(Locale.ROOT))) {
          return Optional.of(b);
        }
      }
      return Optional.empty();
    }
  }

  /** One place: {@code rank} from 1, the player's id and name (null if unknown), the score. */
  record Entry(int rank, String playerId, String name, long score) {}

  /**
   * The first {@code limit} places of {@code board}; fails with {@link PortException} UNAVAILABLE
   * when the store cannot be read.
   */
  CompletionStage<List<Entry>> top(Board board, int limit);

  /** No leaderboards (tests of other areas): every board is empty. */
  LeaderboardPort EMPTY = (board, limit) -> CompletableFuture.completedFuture(List.of());
}
