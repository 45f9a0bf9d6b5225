package org.bluemarble.stream;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.bluemarble.edge.port.LeaderboardPort;
import org.bluemarble.market.MarketSettings;
import org.bluemarble.market.PriceSummary;
import org.bluemarble.market.listing.ListingQuery;
import org.bluemarble.market.listing.Market;
import org.bluemarble.market.listing.MarketOp;
import org.bluemarble.market.listing.Sale;
import org.bluemarble.market.node.SalesIndex;

/**
 * Sales history and price statistics per item and market as tables in the journal's database,
 * filled exactly once per Market event (rows and offset in one transaction) by one projection per
 * market tag. A purchase is a {@link Market.OpStarted} of kind BUY followed by its {@link
 * Market.OpCharged}; the open operations wait in {@code market_read_ops} until charged or failed,
 * and each listing's seller (from its OPEN operation) in {@code market_read_listings}. The fee is
 * the configured transaction fee, as the market computes it when the purchase is charged.
 *
 * <p>It answers only when every market tag's projection has reached the journal's newest event of
 * that tag ({@code market_read_progress}); the port asks the markets otherwise.
 */
public final class SalesReadModel implements SalesIndex {
  static final String TAG_PREFIX = "market-";

  /** The window of the price statistics, as the markets keep it. */
  static final long WINDOW_NANOS = 24L * 3600 * 1_000_000_000L;

  private static final List<String> DDL =
      List.of(
          "CREATE TABLE IF NOT EXISTS market_sales (market_id VARCHAR(255) NOT NULL,"
              + " listing_id VARCHAR(255) NOT NULL, ordering BIGINT NOT NULL,"
              + " seller VARCHAR(255) NOT NULL, buyer VARCHAR(255) NOT NULL,"
              + " item_id VARCHAR(255) NOT NULL, quantity BIGINT NOT NULL, price BIGINT NOT NULL,"
              + " unit_price BIGINT NOT NULL, fee BIGINT NOT NULL, at_nanos BIGINT NOT NULL,"
              + " at_text VARCHAR(64) NOT NULL, PRIMARY KEY (market_id, listing_id))",
          "CREATE INDEX IF NOT EXISTS market_sales_at ON market_sales (at_nanos)",
          "CREATE INDEX IF NOT EXISTS market_sales_seller ON market_sales (seller, at_nanos)",
          "CREATE INDEX IF NOT EXISTS market_sales_buyer ON market_sales (buyer, at_nanos)",
          "CREATE INDEX IF NOT EXISTS market_sales_item ON market_sales"
              + " (item_id, market_id, at_nanos)",
          "CREATE TABLE IF NOT EXISTS market_item_prices (market_id VARCHAR(255) NOT NULL,"
              + " item_id VARCHAR(255) NOT NULL, last_price BIGINT NOT NULL,"
              + " trades BIGINT NOT NULL, volume BIGINT NOT NULL,"
              + " PRIMARY KEY (market_id, item_id))",
          "CREATE TABLE IF NOT EXISTS market_read_ops (market_id VARCHAR(255) NOT NULL,"
              + " op_id VARCHAR(255) NOT NULL, kind VARCHAR(16) NOT NULL,"
              + " listing_id VARCHAR(255) NOT NULL, player VARCHAR(255) NOT NULL,"
              + " item_id VARCHAR(255), quantity BIGINT NOT NULL, price BIGINT NOT NULL,"
              + " PRIMARY KEY (market_id, op_id))",
          "CREATE TABLE IF NOT EXISTS market_read_listings (market_id VARCHAR(255) NOT NULL,"
              + " listing_id VARCHAR(255) NOT NULL, seller VARCHAR(255) NOT NULL,"
              + " PRIMARY KEY (market_id, listing_id))",
          "CREATE TABLE IF NOT EXISTS market_read_progress (tag VARCHAR(255) PRIMARY KEY,"
              + " ordering BIGINT NOT NULL)",
          "CREATE TABLE IF NOT EXISTS player_trade_volume (player_id VARCHAR(255) PRIMARY KEY,"
              + " copper BIGINT NOT NULL)");

  /** Market tags whose projection is behind the journal (event_tag: pekko-persistence-jdbc's). */
  private static final String BEHIND =
      "SELECT COUNT(*) FROM (SELECT \"tag\" AS t, MAX(\"event_id\") AS m FROM \"event_tag\""
          + " WHERE \"tag\" LIKE '"
          + TAG_PREFIX
          + "%' GROUP BY \"tag\") j LEFT JOIN market_read_progress p ON p.tag = j.t"
          + " WHERE p.ordering IS NULL OR p.ordering < j.m";

  private final DataSource pool;
  private final Executor blocking;

  /**
   * @param blocking where the JDBC calls run (never an actor's thread)
   */
  public SalesReadModel(DataSource pool, Executor blocking) {
    this.pool = pool;
    this.blocking = blocking;
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

  /** The projection's handler for {@code tag}; {@code fees} price each sale's transaction fee. */
  static JdbcHandler<List<EventEnvelope<Object>>, PooledJdbcSession> handler(
      String tag, MarketSettings fees, Leaderboards.Sink boards) {
    return JdbcHandler.fromFunction(
        (PooledJdbcSession session, List<EventEnvelope<Object>> envelopes) -> {
          try {
            session.withConnection(
                c -> {
                  for (EventEnvelope<Object> envelope : envelopes) {
                    apply(c, tag, fees, boards, envelope);
                  }
                  return envelopes.size();
                });
          } catch (Exception e) {
            throw new IllegalStateException("sales read model: " + e.getMessage(), e);
          }
        });
  }

  private static int apply(
      Connection c,
      String tag,
      MarketSettings fees,
      Leaderboards.Sink boards,
      EventEnvelope<Object> envelope)
      throws SQLException {
    long ordering = ((Sequence) envelope.offset()).value();
    Object event = envelope.event();
    if (event instanceof Market.OpStarted e) {
      started(c, e);
    } else if (event instanceof Market.OpCharged e) {
      charged(c, e, fees, boards, ordering);
    } else if (event instanceof Market.OpFailed e) {
      deleteOp(c, e.marketId(), e.opId());
    }
    return progress(c, tag, ordering);
  }

  private static void started(Connection c, Market.OpStarted e) throws SQLException {
    MarketOp op = e.op();
    if (op.kind() == MarketOp.Kind.REPRICE) {
      return;
    }
    if (op.kind() == MarketOp.Kind.OPEN) {
      update(
          c,
          "DELETE FROM market_read_listings WHERE market_id = ? AND listing_id = ?",
          e.marketId(),
          op.listingId());
      update(
          c,
          "INSERT INTO market_read_listings (market_id, listing_id, seller) VALUES (?, ?, ?)",
          e.marketId(),
          op.listingId(),
          op.player());
      return;
    }
    deleteOp(c, e.marketId(), op.opId());
    update(
        c,
        "INSERT INTO market_read_ops (market_id, op_id, kind, listing_id, player, item_id,"
            + " quantity, price) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        e.marketId(),
        op.opId(),
        op.kind().name(),
        op.listingId(),
        op.player(),
        op.itemId(),
        op.quantity(),
        op.price());
  }

  private static void charged(
      Connection c,
      Market.OpCharged e,
      MarketSettings fees,
      Leaderboards.Sink boards,
      long ordering)
      throws SQLException {
    String listingId;
    String buyer;
    String itemId;
    long quantity;
    long price;
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT listing_id, player, item_id, quantity, price FROM market_read_ops"
                + " WHERE market_id = ? AND op_id = ?")) {
      p.setString(1, e.marketId());
      p.setString(2, e.opId());
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          return; // an OPEN or REPRICE: not a sale
        }
        listingId = rs.getString(1);
        buyer = rs.getString(2);
        itemId = rs.getString(3);
        quantity = rs.getLong(4);
        price = rs.getLong(5);
      }
    }
    deleteOp(c, e.marketId(), e.opId());
    String seller = seller(c, e.marketId(), listingId);
    long unit = price / quantity;
    update(
        c,
        "DELETE FROM market_sales WHERE market_id = ? AND listing_id = ?",
        e.marketId(),
        listingId);
    update(
        c,
        "INSERT INTO market_sales (market_id, listing_id, ordering, seller, buyer, item_id,"
            + " quantity, price, unit_price, fee, at_nanos, at_text)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.marketId(),
        listingId,
        ordering,
        seller,
        buyer,
        itemId,
        quantity,
        price,
        unit,
        fees.transactionFee(price),
        AuditReadModel.nanos(e.at()),
        e.at().toString());
    int moved =
        update(
            c,
            "UPDATE market_item_prices SET last_price = ?, trades = trades + 1,"
                + " volume = volume + ? WHERE market_id = ? AND item_id = ?",
            unit,
            quantity,
            e.marketId(),
            itemId);
    if (moved == 0) {
      update(
          c,
          "INSERT INTO market_item_prices (market_id, item_id, last_price, trades, volume)"
              + " VALUES (?, ?, ?, 1, ?)",
          e.marketId(),
          itemId,
          unit,
          quantity);
    }
    // In a fixed order, so two market projections crediting the same two players cannot deadlock.
    for (String player : new java.util.TreeSet<>(List.of(buyer, seller))) {
      long volume = Sql.add(c, "player_trade_volume", "copper", player, price);
      boards.set(LeaderboardPort.Board.TRADE_VOLUME, player, volume);
    }
  }

  private static String seller(Connection c, String marketId, String listingId)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT seller FROM market_read_listings WHERE market_id = ? AND listing_id = ?")) {
      p.setString(1, marketId);
      p.setString(2, listingId);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException(
              "listing " + listingId + " of market " + marketId + " sold before it was opened");
        }
        return rs.getString(1);
      }
    }
  }

  private static void deleteOp(Connection c, String marketId, String opId) throws SQLException {
    update(c, "DELETE FROM market_read_ops WHERE market_id = ? AND op_id = ?", marketId, opId);
  }

  private static int progress(Connection c, String tag, long ordering) throws SQLException {
    if (update(c, "UPDATE market_read_progress SET ordering = ? WHERE tag = ?", ordering, tag)
        > 0) {
      return 1;
    }
    return update(
        c, "INSERT INTO market_read_progress (tag, ordering) VALUES (?, ?)", tag, ordering);
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      bind(p, List.of(args));
      return p.executeUpdate();
    }
  }

  private static void bind(PreparedStatement p, List<Object> args) throws SQLException {
    for (int i = 0; i < args.size(); i++) {
      Object a = args.get(i);
      if (a instanceof Long l) {
        p.setLong(i + 1, l);
      } else if (a instanceof Integer n) {
        p.setLong(i + 1, n);
      } else {
        p.setString(i + 1, (String) a);
      }
    }
  }

  @Override
  public CompletionStage<Optional<List<Sale>>> sales(String player, int limit) {
    return CompletableFuture.supplyAsync(() -> salesNow(player, limit), blocking);
  }

  @Override
  public CompletionStage<Optional<Map<String, PriceSummary>>> prices(
      String itemId, List<String> markets, Instant now) {
    return CompletableFuture.supplyAsync(() -> pricesNow(itemId, markets, now), blocking);
  }

  /** Blocking: whether every market tag's projection has reached the journal's newest event. */
  boolean caughtUp(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(BEHIND)) {
      return rs.next() && rs.getLong(1) == 0;
    }
  }

  /** Blocking: the sales of {@code player} (all if null), newest first; empty while behind. */
  Optional<List<Sale>> salesNow(String player, int limit) {
    int n = Math.max(1, Math.min(limit, ListingQuery.MAX_LIMIT));
    try (Connection c = pool.getConnection()) {
      if (!caughtUp(c)) {
        return Optional.empty();
      }
      String select =
          "SELECT listing_id, market_id, seller, buyer, item_id, quantity, price, fee, at_text,"
              + " at_nanos, ordering FROM market_sales";
      String sql =
          player == null
              ? select + " ORDER BY at_nanos DESC, ordering DESC LIMIT ?"
              : "SELECT * FROM ("
                  + select
                  + " WHERE seller = ? UNION "
                  + select
                  + " WHERE buyer = ?) s ORDER BY at_nanos DESC, ordering DESC LIMIT ?";
      List<Object> args = new ArrayList<>();
      if (player != null) {
        args.add(player);
        args.add(player);
      }
      args.add((long) n);
      List<Sale> out = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement(sql)) {
        bind(p, args);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            out.add(
                new Sale(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    Instant.parse(rs.getString(9))));
          }
        }
      }
      return Optional.of(List.copyOf(out));
    } catch (SQLException e) {
      throw new IllegalStateException("sales read model query failed: " + e.getMessage(), e);
    }
  }

  /** Blocking: the price statistics of {@code itemId} per market; empty while behind. */
  Optional<Map<String, PriceSummary>> pricesNow(String itemId, List<String> markets, Instant now) {
    long to = AuditReadModel.nanos(now);
    long from = to - WINDOW_NANOS;
    try (Connection c = pool.getConnection()) {
      if (!caughtUp(c)) {
        return Optional.empty();
      }
      Map<String, PriceSummary> out = new LinkedHashMap<>();
      for (String market : markets) {
        out.put(market, price(c, market, itemId, from, to));
      }
      return Optional.of(out);
    } catch (SQLException e) {
      throw new IllegalStateException("price read model query failed: " + e.getMessage(), e);
    }
  }

  private static PriceSummary price(Connection c, String market, String itemId, long from, long to)
      throws SQLException {
    long last = 0;
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT last_price FROM market_item_prices WHERE market_id = ? AND item_id = ?")) {
      bind(p, List.of(market, itemId));
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          last = rs.getLong(1);
        }
      }
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT COUNT(*), SUM(quantity), MIN(unit_price), MAX(unit_price),"
                + " SUM(unit_price * quantity) FROM market_sales WHERE item_id = ?"
                + " AND market_id = ? AND at_nanos >= ? AND at_nanos <= ?")) {
      bind(p, List.of(itemId, market, from, to));
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        int trades = rs.getInt(1);
        if (trades == 0) {
          return new PriceSummary(itemId, last, 0, 0, 0, 0, 0);
        }
        long volume = rs.getLong(2);
        BigDecimal turnover = rs.getBigDecimal(5);
        long average =
            turnover.toBigInteger().divide(java.math.BigInteger.valueOf(volume)).longValueExact();
        return new PriceSummary(
            itemId, last, average, rs.getLong(3), rs.getLong(4), volume, trades);
      }
    }
  }

  /** The projection tags of the markets: {@code market-0} to {@code market-(slices-1)}. */
  static List<String> tags(int slices) {
    List<String> tags = new ArrayList<>();
    for (int slice = 0; slice < slices; slice++) {
      tags.add(TAG_PREFIX.toLowerCase(Locale.ROOT) + slice);
    }
    return tags;
  }
}
