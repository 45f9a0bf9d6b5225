package org.bluemarble.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.bluemarble.edge.port.LeaderboardPort;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * The leaderboards as Redis sorted sets, one per board ({@value #KEY_PREFIX}{@code <board>}, member
 * the player id, score the value). The read models' projections write absolute values with ZADD
 * inside their transactions ({@link #set}), so a re-delivered or re-applied event writes the same
 * score again and never counts twice. Every command passes the node's Redis circuit breaker (the
 * client is {@link org.bluemarble.node.resilience.GuardedRedis}'s); while Redis is unreachable the
 * projection's transaction fails and is retried with backoff, so nothing is lost.
 */
public final class Leaderboards implements LeaderboardPort {
  static final String KEY_PREFIX = "bluemarble:leaderboard:";

  private final UnifiedJedis redis;
  private final PlayerStatsReadModel names;
  private final Executor blocking;

  Leaderboards(UnifiedJedis redis, PlayerStatsReadModel names, Executor blocking) {
    this.redis = redis;
    this.names = names;
    this.blocking = blocking;
  }

  /** Where the projections write a score: Redis, or nowhere when the node has none. */
  interface Sink {
    void set(Board board, String playerId, long score);

    Sink NONE = (board, playerId, score) -> {};
  }

  /** The sink writing absolute scores into {@code redis}. */
  static Sink sink(UnifiedJedis redis) {
    return (board, playerId, score) -> redis.zadd(key(board), score, playerId);
  }

  static String key(Board board) {
    return KEY_PREFIX + board.path();
  }

  @Override
  public CompletionStage<List<Entry>> top(Board board, int limit) {
    return CompletableFuture.supplyAsync(
        () -> {
          List<Tuple> places = redis.zrevrangeWithScores(key(board), 0, limit - 1L);
          List<String> ids = places.stream().map(Tuple::getElement).toList();
          var byId = names.namesNow(ids);
          List<Entry> out = new ArrayList<>();
          for (int i = 0; i < places.size(); i++) {
            Tuple t = places.get(i);
            out.add(
                new Entry(i + 1, t.getElement(), byId.get(t.getElement()), (long) t.getScore()));
          }
          return out;
        },
        blocking);
  }
}
