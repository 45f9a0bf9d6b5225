package org.bluemarble.shred;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import javax.crypto.SecretKey;
import javax.sql.DataSource;
import org.bluemarble.persistence.internal.SubjectKeysMigration;

/**
 * Keys in the journal's database (table {@code bluemarble_subject_keys}, created by the schema
 * migrations), so that deleting a key and the journal it protects live in one backup.
 */
public final class JdbcSubjectKeys extends CachedSubjectKeys {
  private static final String UNIQUE_VIOLATION = "23505";
  private static final String TABLE = SubjectKeysMigration.TABLE;

  private final DataSource dataSource;

  public JdbcSubjectKeys(DataSource dataSource, ShreddingSettings settings, Executor blocking) {
    super(
        new KeyCache(settings.keyCacheSize(), settings.keyCacheTtl().toNanos(), System::nanoTime),
        blocking);
    this.dataSource = dataSource;
  }

  @Override
  Lookup load(String subject) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT secret, erased_at FROM " + TABLE + " WHERE subject = ?")) {
      s.setString(1, subject);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Missing.INSTANCE;
        }
        byte[] secret = rs.getBytes(1);
        return secret == null ? Erased.INSTANCE : new Present(PersonalCipher.key(secret));
      }
    } catch (SQLException e) {
      throw new KeyStoreException("cannot read the key of " + subject, e);
    }
  }

  @Override
  Lookup insertIfAbsent(String subject, SecretKey key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO " + TABLE + " (subject, secret, created_at) VALUES (?, ?, ?)")) {
      s.setString(1, subject);
      s.setBytes(2, key.getEncoded());
      s.setTimestamp(3, Timestamp.from(Instant.now()));
      s.executeUpdate();
      return new Present(key);
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return load(subject);
      }
      throw new KeyStoreException("cannot store a key for " + subject, e);
    }
  }

  @Override
  void tombstone(List<String> subjects) {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection c = dataSource.getConnection()) {
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE " + TABLE + " SET secret = NULL, erased_at = ? WHERE subject = ?");
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO "
                      + TABLE
                      + " (subject, secret, created_at, erased_at) VALUES (?, NULL, ?, ?)");
          PreparedStatement snapshots =
              c.prepareStatement(
                  "DELETE FROM \"snapshot\" WHERE \"persistence_id\" LIKE ? ESCAPE '!'")) {
        for (String subject : subjects) {
          update.setTimestamp(1, now);
          update.setString(2, subject);
          if (update.executeUpdate() == 0) {
            insert.setString(1, subject);
            insert.setTimestamp(2, now);
            insert.setTimestamp(3, now);
            insert.executeUpdate();
          }
          // Snapshots hold entity state in plain CBOR (a character's name): they go with the
          // key, and the entity recovers from its events, whose personal fields read as erased.
          snapshots.setString(1, "%|" + likeLiteral(subject));
          snapshots.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new KeyStoreException("cannot erase the keys of " + subjects, e);
    }
  }

  private static String likeLiteral(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** The key table could not be read or written. */
  public static final class KeyStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyStoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
