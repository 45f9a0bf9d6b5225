package org.bluemarble.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.bluemarble.auth.EmbeddedRedis;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.config.Profile;
import org.bluemarble.edge.port.LeaderboardPort;
import org.bluemarble.market.Economy;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.market.holdings.Leg;
import org.bluemarble.market.inventory.ItemStack;
import org.bluemarble.market.listing.MarketReply;
import org.bluemarble.market.node.EconomySettings;
import org.bluemarble.node.testing.AdminClient;
import org.bluemarble.node.testing.InProcessNode;
import org.bluemarble.node.testing.PlayerSignup;
import org.bluemarble.persistence.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Player summaries and leaderboards from the event stream: the admin player search answers from the
 * read model (account, characters, level, last seen, wealth), and {@code /v1/leaderboards} from
 * real Redis (PostgreSQL journal) or from the tables (H2, no Redis); re-applying an event never
 * counts twice.
 */
class PlayerStatsReadModelTest {
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dataDir;

  @Test
  void summariesAndLeaderboardsInRedisOnPostgres() throws Exception {
    TestPostgres.Database db = TestPostgres.newDatabase();
    try (EmbeddedRedis redis = EmbeddedRedis.start()) {
      Map<String, Object> overrides = new HashMap<>(db.configOverrides());
      overrides.put("bluemarble.auth.redis-url", "redis://127.0.0.1:" + redis.port());
      try (InProcessNode node = InProcessNode.start(Profile.LOCAL1, overrides)) {
        Run run = play(node, "rich_pg");
        try (RedisClient client = redis.client()) {
          await()
              .atMost(WAIT)
              .pollInterval(Duration.ofMillis(250))
              .untilAsserted(
                  () -> {
                    assertThat(
                            client.zscore(
                                Leaderboards.key(LeaderboardPort.Board.WEALTH), run.rich()))
                        .isEqualTo((double) run.richCopper());
                    assertThat(
                            client.zscore(
                                Leaderboards.key(LeaderboardPort.Board.TRADE_VOLUME), run.rich()))
                        .isEqualTo((double) run.price());
                    assertThat(
                            client.zscore(
                                Leaderboards.key(LeaderboardPort.Board.LEVEL), run.rich()))
                        .isEqualTo(1.0);
                  });
        }
        checkRoutes(node, run);
      }
    }
  }

  @Test
  void summariesAndLeaderboardsFromTheTablesOnH2() throws Exception {
    try (InProcessNode node =
        InProcessNode.start(
            Profile.EMBEDDED, Map.of("bluemarble.node.data-dir", dataDir.toString()))) {
      checkRoutes(node, play(node, "rich_h2"));
    }
  }

  /**
   * The richest player, its copper after the sale, the poorer seller, the sale's price, the rich
   * one's account name and character name, and a part of both characters' names.
   */
  private record Run(
      String rich,
      long richCopper,
      String seller,
      long price,
      String account,
      String character,
      String search) {}

  /** Two signed-up players; the rich one buys a listing of the other. */
  private static Run play(InProcessNode node, String name) throws Exception {
    PlayerSignup.SignedUp rich = PlayerSignup.signUp(node.httpPort, name, "Ranger");
    PlayerSignup.SignedUp seller = PlayerSignup.signUp(node.httpPort, name + "_s", "Mage");
    var config = node.system.settings().config();
    Economy economy =
        Economy.start(
            node.system,
            PersistenceSettings.fromConfig(config).slices(),
            EconomySettings.fromConfig(config).economy());
    get(economy.mint("g-" + rich.playerId(), rich.playerId(), 900_000, 0, List.of(), "test"));
    get(
        economy.mint(
            "g-" + seller.playerId(),
            seller.playerId(),
            1_000,
            0,
            List.of(new ItemStack("iron_sword", 1)),
            "test"));
    long price = 10_000;
    MarketReply opened =
        get(economy.openListing("capital", seller.playerId(), "iron_sword", 1, price, 1));
    String listing = ((MarketReply.ListingDone) opened).listing().id();
    assertThat(get(economy.buy(listing, rich.playerId())))
        .isInstanceOf(MarketReply.ListingDone.class);
    // PlayerSignup names the characters "Hero " + the username's letters.
    String letters = name.replaceAll("[^a-z]", "");
    return new Run(
        rich.playerId(),
        900_000 - price,
        seller.playerId(),
        price,
        name,
        "Hero " + letters,
        letters);
  }

  private static void checkRoutes(InProcessNode node, Run run) throws Exception {
    AdminClient admin = node.client();
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              AdminClient.Response r = admin.get("/admin/v1/players?name=" + run.search());
              assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(200);
              JsonNode s = r.body().path("summaries");
              assertThat(s.size()).as(s.toString()).isEqualTo(2);
              assertThat(s.get(0).path("playerId").asText()).isEqualTo(run.rich());
              assertThat(s.get(0).path("wealth").asLong()).isEqualTo(run.richCopper());
              assertThat(s.get(0).path("tradeVolume").asLong()).isEqualTo(run.price());
              assertThat(s.get(1).path("tradeVolume").asLong()).isEqualTo(run.price());
            });
    JsonNode found = admin.get("/admin/v1/players?name=" + run.search()).body();
    JsonNode rich = found.path("summaries").get(0);
    assertThat(rich.path("level").asInt()).isEqualTo(1);
    assertThat(rich.path("accountName").asText()).isEqualTo(run.account());
    assertThat(rich.path("name").asText()).isEqualTo(run.character());
    assertThat(rich.path("accountCharacters").toString()).contains(run.rich());
    assertThat(Instant.parse(rich.path("lastSeen").asText())).isBefore(Instant.now());
    assertThat(found.path("players").get(0).path("id").asText()).isEqualTo(run.rich());

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              JsonNode board =
                  AdminClient.get(node.httpPort, "/v1/leaderboards/wealth?limit=100").body();
              assertThat(board.path("board").asText()).isEqualTo("wealth");
              assertThat(board.path("entries").toString()).contains(run.rich());
            });
    JsonNode wealth = AdminClient.get(node.httpPort, "/v1/leaderboards/wealth?limit=100").body();
    JsonNode first = wealth.path("entries").get(0);
    assertThat(first.path("rank").asInt()).isEqualTo(1);
    assertThat(first.path("playerId").asText()).isEqualTo(run.rich());
    assertThat(first.path("name").asText()).isEqualTo(run.character());
    assertThat(first.path("score").asLong()).isEqualTo(run.richCopper());
    JsonNode volume =
        AdminClient.get(node.httpPort, "/v1/leaderboards/trade-volume?limit=2").body();
    assertThat(volume.path("entries").size()).isEqualTo(2);
    assertThat(volume.path("entries").get(0).path("score").asLong()).isEqualTo(run.price());
    assertThat(AdminClient.get(node.httpPort, "/v1/leaderboards/kills").status()).isEqualTo(200);
    assertThat(AdminClient.get(node.httpPort, "/v1/leaderboards/nope").status()).isEqualTo(404);
    assertThat(AdminClient.get(node.httpPort, "/v1/leaderboards/level?limit=0").status())
        .isEqualTo(400);
  }

  /**
   * A re-delivered event (its first transaction rolled back after the ZADD, as when the offset
   * write fails) leaves the same wealth in SQL and Redis: scores are absolute, never increments.
   */
  @Test
  void aReappliedEventDoesNotCountTwice() throws Exception {
    org.h2.jdbcx.JdbcDataSource db = new org.h2.jdbcx.JdbcDataSource();
    db.setURL("jdbc:h2:mem:stats" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    PlayerStatsReadModel.createTables(db);
    try (EmbeddedRedis redis = EmbeddedRedis.start();
        RedisClient client = redis.client();
        Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      Leaderboards.Sink sink =
          (board, id, score) -> client.zadd(Leaderboards.key(board), score, id);
      EventEnvelope<Object> first = legApplied(1, "p-1", 500);
      EventEnvelope<Object> second = legApplied(2, "p-1", 200);
      PlayerStatsReadModel.apply(c, "holdings-0", sink, first);
      c.commit();
      PlayerStatsReadModel.apply(c, "holdings-0", sink, second);
      c.rollback();
      PlayerStatsReadModel.apply(c, "holdings-0", sink, second);
      c.commit();
      assertThat(client.zscore(Leaderboards.key(LeaderboardPort.Board.WEALTH), "p-1"))
          .isEqualTo(700.0);
      try (var s = c.createStatement();
          var rs = s.executeQuery("SELECT copper FROM player_wealth WHERE player_id = 'p-1'")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(700);
      }
    }
  }

  /** Kills are the killers' kill experience; other experience and re-sent grants are not kills. */
  @Test
  void killsComeFromKillExperience() throws Exception {
    org.h2.jdbcx.JdbcDataSource db = new org.h2.jdbcx.JdbcDataSource();
    db.setURL("jdbc:h2:mem:kills" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    PlayerStatsReadModel.createTables(db);
    java.util.Map<String, Long> board = new java.util.HashMap<>();
    Leaderboards.Sink sink =
        (b, id, score) -> {
          if (b == LeaderboardPort.Board.KILLS) {
            board.put(id, score);
          }
        };
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      long n = 0;
      for (String source : List.of("kill:wolf", "quest:intro", "kill:bear", "harvest:iron")) {
        n++;
        Object event =
            new org.bluemarble.player.Player.ExperienceGained(
                "k-1", 10, source, "g-" + n, 10 * n, Instant.now());
        PlayerStatsReadModel.apply(
            c,
            "player-0",
            sink,
            EventEnvelope.create(Offset.sequence(n), "Player|k-1", n, event, 0L));
        c.commit();
      }
    }
    assertThat(board).containsEntry("k-1", 2L).hasSize(1);
    PlayerStatsReadModel model =
        new PlayerStatsReadModel(
            db, java.util.concurrent.ForkJoinPool.commonPool(), List.of("player-0"));
    assertThat(get(model.top(LeaderboardPort.Board.KILLS, 10)))
        .containsExactly(new LeaderboardPort.Entry(1, "k-1", null, 2));
  }

  /** An erased account takes its name and its characters' names out of the summaries. */
  @Test
  void anErasedAccountLeavesNoNames() throws Exception {
    org.h2.jdbcx.JdbcDataSource db = new org.h2.jdbcx.JdbcDataSource();
    db.setURL("jdbc:h2:mem:erased" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    PlayerStatsReadModel.createTables(db);
    SalesReadModel.createTables(db);
    try (Connection c = db.getConnection();
        var s = c.createStatement()) {
      // The journal's tag table (empty: the caught-up check then passes), as pekko-persistence-jdbc
      // names it.
      s.execute("CREATE TABLE \"event_tag\" (\"event_id\" BIGINT, \"tag\" VARCHAR(255))");
    }
    Instant at = Instant.parse("2026-11-30T10:00:00Z");
    List<Object> events =
        List.of(
            new org.bluemarble.player.Player.CharacterCreated(
                "p-1", "Secret Name", org.bluemarble.player.CharacterClass.MAGE, at),
            new org.bluemarble.account.Account.AccountRegistered(
                "a-1", "secret_user", "s@example.org", "hash", java.util.Set.of(), at),
            new org.bluemarble.account.Account.CharacterAdded("a-1", "p-1", at),
            new org.bluemarble.account.Account.AccountErased("a-1", "admin", at));
    PlayerStatsReadModel model =
        new PlayerStatsReadModel(
            db, java.util.concurrent.ForkJoinPool.commonPool(), List.of("player-0", "account-0"));
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      long n = 0;
      for (Object event : events) {
        n++;
        String tag = event instanceof org.bluemarble.player.Player.Event ? "player-0" : "account-0";
        PlayerStatsReadModel.apply(
            c,
            tag,
            Leaderboards.Sink.NONE,
            EventEnvelope.create(Offset.sequence(n), "x", n, event, 0L));
        c.commit();
        if (n == 3) {
          assertThat(model.searchNow("secret", 10).orElseThrow().get(0).accountName())
              .isEqualTo("secret_user");
        }
      }
    }
    assertThat(model.searchNow("secret", 10).orElseThrow()).isEmpty();
    var erased = model.searchNow("erased", 10).orElseThrow();
    assertThat(erased).hasSize(1);
    assertThat(erased.get(0).playerId()).isEqualTo("p-1");
    assertThat(erased.get(0).accountId()).isNull();
    assertThat(erased.get(0).accountName()).isNull();
  }

  /**
   * The Player and Account projections run apart: a character's name events applied after its
   * account's erasure (the Player projection lagging) write the erased name, and a character
   * removed before the erasure loses its name too.
   */
  @Test
  void nameEventsAppliedAfterTheErasureBringNoNameBack() throws Exception {
    org.h2.jdbcx.JdbcDataSource db = new org.h2.jdbcx.JdbcDataSource();
    db.setURL("jdbc:h2:mem:late" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    PlayerStatsReadModel.createTables(db);
    SalesReadModel.createTables(db);
    try (Connection c = db.getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE TABLE \"event_tag\" (\"event_id\" BIGINT, \"tag\" VARCHAR(255))");
    }
    Instant at = Instant.parse("2026-11-30T10:00:00Z");
    var mage = org.bluemarble.player.CharacterClass.MAGE;
    // In the order the two projections happen to apply them: the account's side first.
    List<Object> events =
        List.of(
            new org.bluemarble.account.Account.AccountRegistered(
                "a-1", "secret_user", "s@example.org", "hash", java.util.Set.of(), at),
            new org.bluemarble.account.Account.CharacterAdded("a-1", "p-1", at),
            new org.bluemarble.account.Account.CharacterAdded("a-1", "p-2", at),
            new org.bluemarble.player.Player.CharacterCreated("p-2", "Secret Gone", mage, at),
            new org.bluemarble.account.Account.CharacterRemoved("a-1", "p-2", at),
            new org.bluemarble.account.Account.AccountErased("a-1", "admin", at),
            // The Player projection catches up late.
            new org.bluemarble.player.Player.CharacterCreated("p-1", "Secret Name", mage, at),
            new org.bluemarble.player.Player.CharacterRenamed("p-1", "Secret Other"),
            new org.bluemarble.player.Player.CharacterRenamed("p-2", "Secret Again"));
    PlayerStatsReadModel model =
        new PlayerStatsReadModel(
            db, java.util.concurrent.ForkJoinPool.commonPool(), List.of("player-0", "account-0"));
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      long n = 0;
      for (Object event : events) {
        n++;
        String tag = event instanceof org.bluemarble.player.Player.Event ? "player-0" : "account-0";
        PlayerStatsReadModel.apply(
            c,
            tag,
            Leaderboards.Sink.NONE,
            EventEnvelope.create(Offset.sequence(n), "x", n, event, 0L));
        c.commit();
      }
    }
    assertThat(model.searchNow("secret", 10).orElseThrow()).isEmpty();
    assertThat(model.searchNow("erased", 10).orElseThrow())
        .extracting(org.bluemarble.edge.port.PlayerAdminPort.PlayerSummary::playerId)
        .containsExactlyInAnyOrder("p-1", "p-2");
    try (Connection c = db.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM player_owners")) {
      rs.next();
      assertThat(rs.getLong(1)).as("owners of the erased account forgotten").isZero();
    }
  }

  private static EventEnvelope<Object> legApplied(long ordering, String player, long copper) {
    Leg leg = Leg.in("k-" + ordering, player, copper, List.of());
    Object event = new Holdings.LegApplied(player, leg, null, null, Instant.now());
    return EventEnvelope.create(
        Offset.sequence(ordering), "Holdings|" + player, ordering, event, 0L);
  }

  private static <T> T get(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
