package org.bluemarble.shred;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.CompletableFuture;
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
  private static final ThreadLocal<SubjectKeys> CURRENT = new ThreadLocal<>();
  private static final ExtensionId<Shredding> ID =
      new ExtensionId<>() {
        @Override
        public Shredding createExtension(ActorSystem<?> system) {
          return new Shredding(system);
        }
      };

  private volatile SubjectKeys keys;

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
