package org.bluemarble.shred;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.persistence.Databases;

/**
 * The key store of crypto-shredding for one actor system. The node (and the replay CLI) {@link
 * #install installs} the journal database's store before any entity starts; a system that installs
 * none (unit tests on the in-memory journal) gets keys kept in memory.
 */
public final class Shredding implements Extension {
  /**
   * The key-table subject whose key is the cluster's secret for {@link #nameHash keyed hashes of
   * names}. Never an account or character id (those are UUIDs), so never erased.
   */
  public static final String NAME_HASH_SUBJECT = "bluemarble:name-hash";

  private static final ThreadLocal<SubjectKeys> CURRENT = new ThreadLocal<>();
  private static final ExtensionId<Shredding> ID =
      new ExtensionId<>() {
        @Override
        public Shredding createExtension(ActorSystem<?> system) {
          return new Shredding(system);
        }
      };

  private volatile SubjectKeys keys;

  /** The name-hash key of {@link #keys}, once read (reset when another store is installed). */
  private volatile CompletableFuture<SecretKey> nameHashKey;

  private Shredding(ActorSystem<?> system) {
    this.keys =
        new InMemorySubjectKeys(
            system.dispatchers().lookup(DispatcherSelector.blocking())::execute);
  }

  public static Shredding get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /**
   * Installs the key store of the journal database {@code persistence} on {@code system}, with a
   * small pool of its own that closes with the system.
   */
  public static SubjectKeys installJdbc(ActorSystem<?> system, PersistenceSettings persistence) {
    HikariDataSource pool = Databases.pool(persistence, "keys", 2);
    CoordinatedShutdown.get(system)
        .addTask(
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
            "close-key-pool",
            () -> {
              pool.close();
              return CompletableFuture.completedFuture(Done.getInstance());
            });
    SubjectKeys store =
        new JdbcSubjectKeys(
            pool,
            ShreddingSettings.fromConfig(system.settings().config()),
            system.dispatchers().lookup(DispatcherSelector.blocking())::execute);
    get(system).install(store);
    return store;
  }

  /** Makes {@code store} this system's key store. */
  public void install(SubjectKeys store) {
    this.keys = store;
    this.nameHashKey = null;
  }

  /**
   * A keyed hash (HMAC-SHA256, lower-case hex) of {@code text} under the cluster's name-hash
   * secret, which lives in the key table like the subjects' keys (created by the first node that
   * needs it, then the same on every node and after restarts). Entities keyed by a name (the
   * username claim) use it as their id, so the journal's persistence ids hold no name. The secret
   * is read once per store, off the caller's thread; a failed read is retried by the next call.
   */
  public CompletionStage<String> nameHash(String text) {
    return nameHashKey().thenApply(key -> nameHash(key, text));
  }

  /** {@link #nameHash(String)} under {@code key}. */
  public static String nameHash(SecretKey key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private CompletableFuture<SecretKey> nameHashKey() {
    CompletableFuture<SecretKey> known = nameHashKey;
    if (known != null && !known.isCompletedExceptionally()) {
      return known;
    }
    SubjectKeys store = keys;
    CompletableFuture<SecretKey> read =
        store
            .ensure(NAME_HASH_SUBJECT)
            .thenApply(
                done -> {
                  if (store.lookup(NAME_HASH_SUBJECT) instanceof SubjectKeys.Present p) {
                    return p.key();
                  }
                  throw new IllegalStateException(
                      "the key table has no usable " + NAME_HASH_SUBJECT + " secret");
                })
            .toCompletableFuture();
    nameHashKey = read;
    return read;
  }

  public SubjectKeys keys() {
    return keys;
  }

  /** The keys of the serialization running on this thread, or null outside it. */
  static SubjectKeys current() {
    return CURRENT.get();
  }

  static void enter(SubjectKeys keys) {
    CURRENT.set(keys);
  }

  static void leave() {
    CURRENT.remove();
  }
}
