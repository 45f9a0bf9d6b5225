package org.bluemarble.persistence.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableColumnNames;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.EventTagTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.DefaultJournalDao;
import org.apache.pekko.persistence.jdbc.journal.dao.JournalTables.JournalPekkoSerializationRow;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import scala.Option;
import scala.Tuple2;
import scala.collection.immutable.Seq;
import scala.collection.immutable.Set;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.jdk.javaapi.FutureConverters;
import scala.runtime.BoxedUnit;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;
import slick.jdbc.PostgresProfile;

/**
 * The pekko-persistence-jdbc journal DAO with one change on PostgreSQL: a batch of tagged events is
 * written with one multi-row {@code INSERT ... RETURNING} and one batched tag insert, instead of
 * one {@code INSERT ... RETURNING} round trip per event (the library needs each event's generated
 * {@code ordering} for its tag rows and asks for it row by row; untagged batches it already inserts
 * as a JDBC batch). Every entity tags its events by slice for projections, so on the default DAO
 * every event paid a round trip: measured on the 2-core box, the economy benchmark ran at half the
 * rate with tags as without. Same table layout, same transaction per batch (all events of the batch
 * or none), reads and deletes inherited unchanged; other databases (H2 in the embedded profile)
 * keep the library's path. Enabled with {@code jdbc-journal.dao} in the PostgreSQL config.
 */
public class TaggedBatchJournalDao extends DefaultJournalDao {
  /** Rows per statement: 12 bind parameters each stays far below PostgreSQL's 65,535. */
  static final int ROWS_PER_STATEMENT = 500;

  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The most events this class has written in one statement in this JVM (for tests). */
  static final AtomicInteger LARGEST_STATEMENT = new AtomicInteger();

  private final JdbcBackend.JdbcDatabaseDef db;
  private final boolean postgres;
  private final String insertPrefix;
  private final String rowPlaceholders;
  private final String returning;
  private final String insertTag;
  private final ExecutorService writers;

  public TaggedBatchJournalDao(
      JdbcBackend.JdbcDatabaseDef db,
      JdbcProfile profile,
      JournalConfig config,
      Serialization serialization,
      ExecutionContext ec,
      Materializer mat) {
    super(db, profile, config, serialization, ec, mat);
    this.db = db;
    this.postgres = profile instanceof PostgresProfile;
    EventJournalTableConfiguration journal = config.eventJournalTableConfiguration();
    EventJournalTableColumnNames c = journal.columnNames();
    this.insertPrefix =
        "INSERT INTO "
            + table(journal.schemaName(), journal.tableName())
            + " ("
            + String.join(
                ", ",
                quote(c.persistenceId()),
                quote(c.sequenceNumber()),
                quote(c.deleted()),
                quote(c.writer()),
                quote(c.writeTimestamp()),
                quote(c.adapterManifest()),
                quote(c.eventSerId()),
                quote(c.eventSerManifest()),
                quote(c.eventPayload()),
                quote(c.metaSerId()),
                quote(c.metaSerManifest()),
                quote(c.metaPayload()))
            + ") VALUES ";
    this.rowPlaceholders = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    this.returning =
        " RETURNING "
            + quote(c.ordering())
            + ", "
            + quote(c.persistenceId())
            + ", "
            + quote(c.sequenceNumber());
    EventTagTableConfiguration tags = config.eventTagTableConfiguration();
    this.insertTag =
        "INSERT INTO "
            + table(tags.schemaName(), tags.tableName())
            + " ("
            + quote(tags.columnNames().eventId())
            + ", "
            + quote(tags.columnNames().tag())
            + ") VALUES (?, ?)";
    // At most `parallelism` batches are written at once (the library's write stream bounds it).
    int parallelism = Math.max(1, config.daoConfig().parallelism());
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            parallelism,
            parallelism,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "journal-writer-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.writers = pool;
  }

  @Override
  public Future<BoxedUnit> writeJournalRows(
      Seq<Tuple2<JournalPekkoSerializationRow, Set<String>>> rows) {
    if (!postgres || rows.forall(r -> r._2().isEmpty())) {
      return super.writeJournalRows(rows);
    }
    List<Tuple2<JournalPekkoSerializationRow, Set<String>>> all = new ArrayList<>(rows.size());
    rows.foreach(all::add);
    return FutureConverters.asScala(
        CompletableFuture.supplyAsync(
            () -> {
              write(all);
              return BoxedUnit.UNIT;
            },
            writers));
  }

  private void write(List<Tuple2<JournalPekkoSerializationRow, Set<String>>> rows) {
    try (Connection connection = db.source().createConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
          List<Tuple2<JournalPekkoSerializationRow, Set<String>>> chunk =
              rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
          Map<String, Long> orderings = insertEvents(connection, chunk);
          insertTags(connection, chunk, orderings);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new JournalWriteException("journal batch of " + rows.size() + " events failed", e);
    }
  }

  /** Inserts the events, returning each event's generated ordering by persistence id and seq. */
  private Map<String, Long> insertEvents(
      Connection connection, List<Tuple2<JournalPekkoSerializationRow, Set<String>>> chunk)
      throws SQLException {
    StringBuilder sql = new StringBuilder(insertPrefix);
    for (int i = 0; i < chunk.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(rowPlaceholders);
    }
    sql.append(returning);
    Map<String, Long> orderings = new HashMap<>(chunk.size() * 2);
    try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
      int p = 1;
      for (Tuple2<JournalPekkoSerializationRow, Set<String>> t : chunk) {
        JournalPekkoSerializationRow row = t._1();
        insert.setString(p++, row.persistenceId());
        insert.setLong(p++, row.sequenceNumber());
        insert.setBoolean(p++, row.deleted());
        insert.setString(p++, row.writer());
        insert.setLong(p++, row.writeTimestamp());
        insert.setString(p++, row.adapterManifest());
        insert.setInt(p++, row.eventSerId());
        insert.setString(p++, row.eventSerManifest());
        insert.setBytes(p++, row.eventPayload());
        Option<Object> metaSerId = row.metaSerId();
        if (metaSerId.isDefined()) {
          insert.setInt(p++, (Integer) metaSerId.get());
        } else {
          insert.setNull(p++, Types.INTEGER);
        }
        insert.setString(
            p++, row.metaSerManifest().isDefined() ? row.metaSerManifest().get() : null);
        if (row.metaPayload().isDefined()) {
          insert.setBytes(p++, row.metaPayload().get());
        } else {
          insert.setNull(p++, Types.BINARY);
        }
      }
      LARGEST_STATEMENT.accumulateAndGet(chunk.size(), Math::max);
      try (ResultSet keys = insert.executeQuery()) {
        while (keys.next()) {
          orderings.put(key(keys.getString(2), keys.getLong(3)), keys.getLong(1));
        }
      }
    }
    if (orderings.size() != chunk.size()) {
      throw new JournalWriteException(
          "inserted " + chunk.size() + " events but got " + orderings.size() + " orderings", null);
    }
    return orderings;
  }

  private void insertTags(
      Connection connection,
      List<Tuple2<JournalPekkoSerializationRow, Set<String>>> chunk,
      Map<String, Long> orderings)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertTag)) {
      int batched = 0;
      for (Tuple2<JournalPekkoSerializationRow, Set<String>> t : chunk) {
        long ordering = orderings.get(key(t._1().persistenceId(), t._1().sequenceNumber()));
        scala.collection.Iterator<String> tags = t._2().iterator();
        while (tags.hasNext()) {
          insert.setLong(1, ordering);
          insert.setString(2, tags.next());
          insert.addBatch();
          batched++;
        }
      }
      if (batched > 0) {
        insert.executeBatch();
      }
    }
  }

  private static String key(String persistenceId, long sequenceNumber) {
    return persistenceId + '\u0000' + sequenceNumber;
  }

  private static String table(Option<String> schema, String table) {
    return schema.isDefined() ? quote(schema.get()) + "." + quote(table) : quote(table);
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A journal batch could not be written; the whole batch was rolled back. */
  public static final class JournalWriteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    JournalWriteException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
