package org.bluemarble.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.bluemarble.edge.port.HealthReport.Check;
import org.bluemarble.edge.port.HealthReport.Status;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The journal part of /health on a real H2 database: one connection per cache interval however many
 * requests come, a new check once the interval passed, and no database error text in the answer.
 */
class JournalProbeTest {
  private final ExecutorService blocking = Executors.newFixedThreadPool(2);
  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @AfterEach
  void stop() {
    blocking.shutdownNow();
  }

  /** Counts the connections borrowed from a real database. */
  private static final class Counting implements DataSource {
    final DataSource inner;
    final AtomicInteger borrowed = new AtomicInteger();

    Counting(DataSource inner) {
      this.inner = inner;
    }

    @Override
    public Connection getConnection() throws SQLException {
      borrowed.incrementAndGet();
      return inner.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      borrowed.incrementAndGet();
      return inner.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return inner.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      inner.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      inner.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return inner.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      return inner.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
      return inner.isWrapperFor(iface);
    }
  }

  private static DataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    return ds;
  }

  private JournalProbe probe(DataSource ds, Duration cache) {
    return new JournalProbe(ds, blocking, Duration.ofSeconds(3), cache, now::get);
  }

  private static Check await(CompletableFuture<Check> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  @Test
  void manyRequestsWithinTheIntervalBorrowOneConnection() throws Exception {
    Counting db = new Counting(h2("jdbc:h2:mem:probe-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    JournalProbe probe = probe(db, Duration.ofSeconds(5));

    List<CompletableFuture<Check>> checks = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      checks.add(probe.check());
    }
    for (CompletableFuture<Check> c : checks) {
      assertThat(await(c).status()).isEqualTo(Status.HEALTHY);
    }
    now.addAndGet(Duration.ofMillis(4_900).toNanos());
    assertThat(await(probe.check()).status()).isEqualTo(Status.HEALTHY);
    assertThat(db.borrowed).hasValue(1);

    now.addAndGet(Duration.ofMillis(200).toNanos());
    assertThat(await(probe.check()).status()).isEqualTo(Status.HEALTHY);
    assertThat(db.borrowed).hasValue(2);
  }

  @Test
  void withoutACacheEveryRequestChecks() throws Exception {
    Counting db = new Counting(h2("jdbc:h2:mem:probe-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    JournalProbe probe = probe(db, Duration.ZERO);
    for (int i = 0; i < 3; i++) {
      await(probe.check());
    }
    assertThat(db.borrowed).hasValue(3);
  }

  @Test
  void aFailingDatabaseIsReportedWithoutItsErrorText() throws Exception {
    // IFEXISTS=TRUE: H2 refuses to create the database and says so, naming the path.
    String path = "/tmp/no-such-dir-" + UUID.randomUUID() + "/secret-schema";
    DataSource db = h2("jdbc:h2:file:" + path + ";IFEXISTS=TRUE");
    assertThatThrownBy(db::getConnection).hasMessageContaining("secret-schema");

    Check c = await(probe(db, Duration.ofSeconds(5)).check());

    assertThat(c.status()).isEqualTo(Status.UNHEALTHY);
    assertThat(c.message()).isEqualTo(JournalProbe.UNREACHABLE).doesNotContain("secret-schema");
  }

  @Test
  void theCacheIntervalIsBounded() {
    assertThat(new HealthSettings(Duration.ofSeconds(5)).journalCheckCache())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> new HealthSettings(Duration.ofMinutes(5)))
        .hasMessageContaining("bluemarble.health.journal-check-cache");
    assertThatThrownBy(() -> new HealthSettings(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
