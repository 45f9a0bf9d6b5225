package org.bluemarble.stream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import javax.sql.DataSource;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.projection.eventsourced.EventEnvelope;
import org.apache.pekko.projection.jdbc.javadsl.JdbcHandler;
import org.bluemarble.account.Account;
import org.bluemarble.edge.port.LeaderboardPort;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.bluemarble.market.holdings.Holdings;
import org.bluemarble.player.Player;

/**
 * Player summaries for the admin search and the leaderboards' values, as tables in the journal's
 * database filled exactly once per event (rows and offset in one transaction) by one projection per
 * Player, Account and Holdings tag. Each entity type writes its own table, so projections never
 * write the same row: {@code player_summaries} (name, class, level, created, last seen: the newest
 * position checkpoint), {@code player_accounts} and {@code account_names} (which account holds the
 * character, forgotten when the account is erased), {@code player_wealth} (copper: the sum of the
 * applied legs). Trade volume comes from {@link SalesReadModel}; kills from {@link #killer}. An
 * erasure records its account's characters in {@code erased_players} ({@code player_owners} knows
 * every character an account ever had), so a name event the lagging Player projection applies later
 * writes {@link #ERASED_NAME}, not the name.
 *
 * <p>Every new level, wealth and kill count is also written to the leaderboards ({@link
 * Leaderboards.Sink}) as an absolute score. The search answers only while every one of these tags'
 * projections has reached the journal's newest event of the tag.
 */
public final class PlayerStatsReadModel implements LeaderboardPort {
  static final String MODEL = "player-stats";
  static final List<String> ENTITY_TYPES = List.of("Player", "Account", "Holdings");

  /** The name a summary shows once its character's account was erased. */
  static final String ERASED_NAME = "(erased)";

  /** The experience source prefix of a kill ({@code CellFights}). */
  static final String KILL_SOURCE = "kill:";

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS player_summaries (player_id VARCHAR(255) PRIMARY KEY,"
              + " name VARCHAR(255) NOT NULL, name_lower VARCHAR(255) NOT NULL,"
              + " character_class VARCHAR(64) NOT NULL, level INT NOT NULL,"
              + " created_nanos BIGINT NOT NULL, last_seen_nanos BIGINT NOT NULL,"
              + " last_seen_text VARCHAR(64) NOT NULL)",
          "CREATE INDEX IF NOT EXISTS player_summaries_name ON player_summaries (name_lower)",
          "CREATE INDEX IF NOT EXISTS player_summaries_level ON player_summaries (level)",
          "CREATE TABLE IF NOT EXISTS player_accounts (player_id VARCHAR(255) PRIMARY KEY,"
              + " account_id VARCHAR(255) NOT NULL)",
          "CREATE INDEX IF NOT EXISTS player_accounts_account ON player_accounts (account_id)",
          "CREATE TABLE IF NOT EXISTS account_names (account_id VARCHAR(255) PRIMARY KEY,"
              + " username VARCHAR(255) NOT NULL)",
          "CREATE TABLE IF NOT EXISTS player_wealth (player_id VARCHAR(255) PRIMARY KEY,"
              + " copper BIGINT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS player_kills (player_id VARCHAR(255) PRIMARY KEY,"
              + " kills BIGINT NOT NULL)",
          // Every character an account ever had (a removed one too), so erasure finds them all.
          "CREATE TABLE IF NOT EXISTS player_owners (player_id VARCHAR(255) PRIMARY KEY,"
              + " account_id VARCHAR(255) NOT NULL)",
          "CREATE INDEX IF NOT EXISTS player_owners_account ON player_owners (account_id)",
          // Characters of erased accounts: a name event the Player projection applies late (after
          // the Account projection applied the erasure) writes the erased name.
          "CREATE TABLE IF NOT EXISTS erased_players (player_id VARCHAR(255) PRIMARY KEY)",
          "CREATE TABLE IF NOT EXISTS read_model_progress (model VARCHAR(64) NOT NULL,"
              + " tag VARCHAR(255) NOT NULL, ordering BIGINT NOT NULL, PRIMARY KEY (model, tag))");

  private final DataSource pool;
  private final Executor blocking;
  private final List<String> tags;

  /**
   * @param tags the tags of the projections (for the caught-up check)
   * @param blocking where the JDBC calls run (never an actor's thread)
   */
  public PlayerStatsReadModel(DataSource pool, Executor blocking, List<String> tags) {
    this.pool = pool;
    this.blocking = blocking;
    this.tags = List.copyOf(tags);
  }

  /** Creates the tables and indexes if missing (idempotent). */
  public static void createTables(DataSource pool) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : DDL) {
        s.execute(sql);
      }
    }
  }

  /** The tags the projections read: each slice of {@link #ENTITY_TYPES}. */
  static List<String> tags(int slices) {
    List<String> tags = new ArrayList<>();
    for (String type : ENTITY_TYPES) {
      for (int slice = 0; slice < slices; slice++) {
        tags.add(type.toLowerCase(Locale.ROOT) + "-" + slice);
      }
    }
    return tags;
  }

  /** The projection's handler for {@code tag}, writing scores to {@code boards}. */
  static JdbcHandler<List<EventEnvelope<Object>>, PooledJdbcSession> handler(
      String tag, Leaderboards.Sink boards) {
    return JdbcHandler.fromFunction(
        (PooledJdbcSession session, List<EventEnvelope<Object>> envelopes) -> {
          try {
            session.withConnection(
                c -> {
                  for (EventEnvelope<Object> envelope : envelopes) {
                    apply(c, tag, boards, envelope);
                  }
                  return envelopes.size();
                });
          } catch (Exception e) {
            throw new IllegalStateException("player stats read model: " + e.getMessage(), e);
          }
        });
  }

  /**
   * The kills hook: the player credited with a kill by {@code event}, or null. A kill is journaled
   * as the killer's {@link Player.ExperienceGained} with a source {@code kill:<victim>} (the cell
   * grants it when combat kills; a kill worth no experience is not journaled and not counted). A
   * dedicated combat kill event, when one exists, maps here too.
   */
  static String killer(Object event) {
    if (event instanceof Player.ExperienceGained e
        && e.source() != null
        && e.source().startsWith(KILL_SOURCE)) {
      return e.playerId();
    }
    return null;
  }

  static int apply(Connection c, String tag, Leaderboards.Sink boards, EventEnvelope<Object> env)
      throws SQLException {
    Object event = env.event();
    if (event instanceof Player.CharacterCreated e) {
      long at = AuditReadModel.nanos(e.createdAt());
      String name = shownName(c, e.playerId(), e.name());
      Sql.update(c, "DELETE FROM player_summaries WHERE player_id = ?", e.playerId());
      Sql.update(
          c,
          "INSERT INTO player_summaries (player_id, name, name_lower, character_class, level,"
              + " created_nanos, last_seen_nanos, last_seen_text) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
          e.playerId(),
          name,
          name.toLowerCase(Locale.ROOT),
          e.characterClass().name(),
          at,
          at,
          e.createdAt().toString());
      boards.set(Board.LEVEL, e.playerId(), 1);
    } else if (event instanceof Player.CharacterRenamed e) {
      String name = shownName(c, e.playerId(), e.name());
      Sql.update(
          c,
          "UPDATE player_summaries SET name = ?, name_lower = ? WHERE player_id = ?",
          name,
          name.toLowerCase(Locale.ROOT),
          e.playerId());
    } else if (event instanceof Player.PositionCheckpointed e) {
      Sql.update(
          c,
          "UPDATE player_summaries SET last_seen_nanos = ?, last_seen_text = ? WHERE player_id = ?"
              + " AND last_seen_nanos <= ?",
          AuditReadModel.nanos(e.at()),
          e.at().toString(),
          e.playerId(),
          AuditReadModel.nanos(e.at()));
    } else if (event instanceof Player.LevelledUp e) {
      Sql.update(
          c, "UPDATE player_summaries SET level = ? WHERE player_id = ?", e.level(), e.playerId());
      boards.set(Board.LEVEL, e.playerId(), e.level());
    } else if (event instanceof Account.AccountRegistered e) {
      Sql.update(c, "DELETE FROM account_names WHERE account_id = ?", e.accountId());
      Sql.update(
          c,
          "INSERT INTO account_names (account_id, username) VALUES (?, ?)",
          e.accountId(),
          e.username());
    } else if (event instanceof Account.CharacterAdded e) {
      Sql.update(c, "DELETE FROM player_accounts WHERE player_id = ?", e.playerId());
      Sql.update(
          c,
          "INSERT INTO player_accounts (player_id, account_id) VALUES (?, ?)",
          e.playerId(),
          e.accountId());
      Sql.update(c, "DELETE FROM player_owners WHERE player_id = ?", e.playerId());
      Sql.update(
          c,
          "INSERT INTO player_owners (player_id, account_id) VALUES (?, ?)",
          e.playerId(),
          e.accountId());
    } else if (event instanceof Account.CharacterRemoved e) {
      Sql.update(c, "DELETE FROM player_accounts WHERE player_id = ?", e.playerId());
    } else if (event instanceof Account.AccountErased e) {
      // Personal data leaves the read model with the account: its characters' names too (removed
      // characters included), now and when their name events arrive later.
      String owned =
          "SELECT player_id FROM player_accounts WHERE account_id = ?"
              + " UNION SELECT player_id FROM player_owners WHERE account_id = ?";
      Sql.update(
          c,
          "INSERT INTO erased_players (player_id) SELECT o.player_id FROM ("
              + owned
              + ") o WHERE NOT EXISTS (SELECT 1 FROM erased_players x"
              + " WHERE x.player_id = o.player_id)",
          e.accountId(),
          e.accountId());
      Sql.update(
          c,
          "UPDATE player_summaries SET name = ?, name_lower = ? WHERE player_id IN (" + owned + ")",
          ERASED_NAME,
          ERASED_NAME,
          e.accountId(),
          e.accountId());
      Sql.update(c, "DELETE FROM account_names WHERE account_id = ?", e.accountId());
      Sql.update(c, "DELETE FROM player_accounts WHERE account_id = ?", e.accountId());
      Sql.update(c, "DELETE FROM player_owners WHERE account_id = ?", e.accountId());
    } else if (event instanceof Holdings.LegApplied e) {
      wealth(c, boards, e.playerId(), e.leg().signedCopper());
    } else if (event instanceof Holdings.LegsRecorded e) {
      long delta = 0;
      for (Holdings.LegApplied a : e.applied()) {
        delta += a.leg().signedCopper();
      }
      if (!e.applied().isEmpty()) {
        wealth(c, boards, e.playerId(), delta);
      }
    }
    String killer = killer(event);
    if (killer != null) {
      long kills = Sql.add(c, "player_kills", "kills", killer, 1);
      boards.set(Board.KILLS, killer, kills);
    }
    return Sql.progress(c, MODEL, tag, ((Sequence) env.offset()).value());
  }

  /** {@code name}, or {@link #ERASED_NAME} once the character's account was erased. */
  private static String shownName(Connection c, String playerId, String name) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("SELECT 1 FROM erased_players WHERE player_id = ?")) {
      p.setString(1, playerId);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? ERASED_NAME : name;
      }
    }
  }

  private static void wealth(Connection c, Leaderboards.Sink boards, String player, long delta)
      throws SQLException {
    long copper = Sql.add(c, "player_wealth", "copper", player, delta);
    boards.set(Board.WEALTH, player, copper);
  }

  /** Blocking: whether every tag's projection has reached the journal's newest event of it. */
  boolean caughtUp(Connection c) throws SQLException {
    return Sql.caughtUp(c, MODEL, tags);
  }

  /**
   * Characters whose name contains {@code part} (ignoring case), in creation order, with their
   * account, the account's characters, level, last seen and wealth; empty while behind.
   */
  public CompletionStage<Optional<List<PlayerAdminPort.PlayerSummary>>> search(
      String part, int limit) {
    return CompletableFuture.supplyAsync(() -> searchNow(part, limit), blocking);
  }

  Optional<List<PlayerAdminPort.PlayerSummary>> searchNow(String part, int limit) {
    String like =
        "%"
            + part.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
            + "%";
    try (Connection c = pool.getConnection()) {
      if (!caughtUp(c)) {
        return Optional.empty();
      }
      List<PlayerAdminPort.PlayerSummary> out = new ArrayList<>();
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT s.player_id, s.name, s.character_class, s.level, s.last_seen_text,"
                  + " a.account_id, n.username, COALESCE(w.copper, 0), COALESCE(t.copper, 0),"
                  + " COALESCE(k.kills, 0) FROM player_summaries s"
                  + " LEFT JOIN player_accounts a ON a.player_id = s.player_id"
                  + " LEFT JOIN account_names n ON n.account_id = a.account_id"
                  + " LEFT JOIN player_wealth w ON w.player_id = s.player_id"
                  + " LEFT JOIN player_trade_volume t ON t.player_id = s.player_id"
                  + " LEFT JOIN player_kills k ON k.player_id = s.player_id"
                  + " WHERE s.name_lower LIKE ? ESCAPE '!'"
                  + " ORDER BY s.created_nanos, s.player_id LIMIT ?")) {
        p.setString(1, like);
        p.setLong(2, limit);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            String account = rs.getString(6);
            out.add(
                new PlayerAdminPort.PlayerSummary(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    Instant.parse(rs.getString(5)),
                    account,
                    rs.getString(7),
                    account == null ? List.of() : characters(c, account),
                    rs.getLong(8),
                    rs.getLong(9),
                    rs.getLong(10)));
          }
        }
      }
      return Optional.of(List.copyOf(out));
    } catch (SQLException e) {
      throw new IllegalStateException("player summaries query failed: " + e.getMessage(), e);
    }
  }

  private static List<String> characters(Connection c, String account) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT player_id FROM player_accounts WHERE account_id = ? ORDER BY player_id")) {
      p.setString(1, account);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    }
  }

  /** Blocking: the names of {@code ids} that have a summary. */
  Map<String, String> namesNow(Collection<String> ids) {
    Map<String, String> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    try (Connection c = pool.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT player_id, name FROM player_summaries WHERE player_id IN ("
                    + marks
                    + ")")) {
      int i = 1;
      for (String id : ids) {
        p.setString(i++, id);
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("player names query failed: " + e.getMessage(), e);
    }
  }

  /** The boards read from the tables (a node without Redis): the same values, best first. */
  @Override
  public CompletionStage<List<Entry>> top(Board board, int limit) {
    String sql =
        switch (board) {
          case LEVEL -> "SELECT player_id, level FROM player_summaries";
          case WEALTH -> "SELECT player_id, copper FROM player_wealth";
          case KILLS -> "SELECT player_id, kills FROM player_kills";
          case TRADE_VOLUME -> "SELECT player_id, copper FROM player_trade_volume";
        };
    return CompletableFuture.supplyAsync(
        () -> {
          List<String> ids = new ArrayList<>();
          List<Long> scores = new ArrayList<>();
          try (Connection c = pool.getConnection();
              PreparedStatement p =
                  c.prepareStatement(
                      "SELECT * FROM (" + sql + ") b ORDER BY 2 DESC, 1 DESC LIMIT ?")) {
            p.setLong(1, limit);
            try (ResultSet rs = p.executeQuery()) {
              while (rs.next()) {
                ids.add(rs.getString(1));
                scores.add(rs.getLong(2));
              }
            }
          } catch (SQLException e) {
            throw new IllegalStateException("leaderboard query failed: " + e.getMessage(), e);
          }
          Map<String, String> names = namesNow(ids);
          List<Entry> out = new ArrayList<>();
          for (int i = 0; i < ids.size(); i++) {
            out.add(new Entry(i + 1, ids.get(i), names.get(ids.get(i)), scores.get(i)));
          }
          return out;
        },
        blocking);
  }
}
