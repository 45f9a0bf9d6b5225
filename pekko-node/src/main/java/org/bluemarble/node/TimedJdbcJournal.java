package org.bluemarble.node;

import com.typesafe.config.Config;
import kamon.Kamon;
import kamon.metric.Timer;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.jdbc.journal.JdbcAsyncWriteJournal;
import scala.collection.immutable.Seq;
import scala.concurrent.Future;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * The JDBC journal with its write latency measured: {@code bluemarble_journal_write_seconds}, one
 * sample per batch the journal writes (from the write's start to the database's answer), tagged
 * {@code outcome} {@code ok} or {@code failed}. Configured as {@code jdbc-journal.class} in the
 * node's {@code bluemarble/metrics.conf}; everything else is the plugin's own.
 */
public final class TimedJdbcJournal extends JdbcAsyncWriteJournal {
  static final String WRITE_LATENCY = "bluemarble.journal.write";

  private static final Timer OK =
      Kamon.timer(WRITE_LATENCY, "Journal write latency per batch, by outcome")
          .withTag("outcome", "ok");
  private static final Timer FAILED =
      Kamon.timer(WRITE_LATENCY, "Journal write latency per batch, by outcome")
          .withTag("outcome", "failed");

  public TimedJdbcJournal(Config config) {
    super(config);
  }

  @Override
  public Future<Seq<Try<BoxedUnit>>> asyncWriteMessages(Seq<AtomicWrite> messages) {
    long start = System.nanoTime();
    Future<Seq<Try<BoxedUnit>>> written = super.asyncWriteMessages(messages);
    written.onComplete(
        result -> {
          long nanos = System.nanoTime() - start;
          (result.isSuccess() ? OK : FAILED).record(nanos);
          return BoxedUnit.UNIT;
        },
        ec());
    return written;
  }
}
