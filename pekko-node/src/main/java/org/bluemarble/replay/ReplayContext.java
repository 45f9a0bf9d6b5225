package org.bluemarble.replay;

import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.serialization.SerializationExtension;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.config.PersistenceSettings;
import org.bluemarble.market.node.EconomySettings;
import org.bluemarble.persistence.Databases;

/**
 * What the {@code replay} CLI runs on: a local actor system with the node's configuration (for its
 * serializers; no cluster, no ports), one small connection pool to the journal the profile points
 * at, and the {@link Replay} over them.
 */
public final class ReplayContext implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final HikariDataSource pool;
  private final Replay replay;

  private ReplayContext(ActorSystem<Void> system, HikariDataSource pool, Replay replay) {
    this.system = system;
    this.pool = pool;
    this.replay = replay;
  }

  /**
   * Opens the journal of {@code settings}; an H2 journal must exist (replay never creates an empty
   * one). Throws {@link ReplayException} (bad request) with the reason otherwise.
   */
  public static ReplayContext open(BlueMarbleSettings settings) {
    PersistenceSettings p = settings.persistence();
    if (p.dialect() == PersistenceSettings.Dialect.H2) {
      Path file = settings.node().dataDir().resolve("bluemarble.mv.db");
      if (!Files.exists(file)) {
        throw ReplayException.badRequest(
            "no journal at "
                + file.toAbsolutePath()
                + " (bluemarble.node.data-dir / BLUEMARBLE_DATA_DIR)");
      }
    }
    EconomySettings economy = EconomySettings.fromConfig(settings.config());
    ActorSystem<Void> system =
        ActorSystem.create(
            Behaviors.empty(),
            "BlueMarbleReplay",
            ConfigFactory.parseMap(
                    Map.of(
                        "pekko.actor.provider", "local",
                        "pekko.loglevel", "WARNING",
                        "pekko.stdout-loglevel", "OFF",
                        "pekko.log-dead-letters", "off",
                        "pekko.coordinated-shutdown.exit-jvm", "off"))
                .withFallback(settings.config()));
    HikariDataSource pool = Databases.pool(settings.persistence(), "replay", 2);
    org.bluemarble.shred.Shredding.installJdbc(system, settings.persistence());
    Replay replay =
        new Replay(
            new JournalReader(pool),
            EntityFolds.standard(economy.economy()),
            SerializationExtension.get(Adapter.toClassic(system)),
            new ReplayJson(system));
    return new ReplayContext(system, pool, replay);
  }

  public Replay replay() {
    return replay;
  }

  public ActorSystem<Void> system() {
    return system;
  }

  @Override
  public void close() {
    pool.close();
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Terminating a local system with no actors; nothing to recover.
    }
  }
}
