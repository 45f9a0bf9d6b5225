package org.bluemarble.node;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.bluemarble.account.AccountAdministration;
import org.bluemarble.account.AccountCharacters;
import org.bluemarble.admin.AuditJournal;
import org.bluemarble.admin.AuditLog;
import org.bluemarble.admin.ClusterOperations;
import org.bluemarble.admin.NodeAdmin;
import org.bluemarble.admin.loadtest.LoadTestAccounts;
import org.bluemarble.chat.NodeChatAdmin;
import org.bluemarble.config.BlueMarbleSettings;
import org.bluemarble.edge.port.AdminPort;
import org.bluemarble.edge.port.LoadTestPort;
import org.bluemarble.market.node.EconomyWiring;
import org.bluemarble.replay.NodeJournal;
import org.bluemarble.replay.Replay;
import org.bluemarble.stream.StreamProjections;

/** The admin API's side of a node: audit log, accounts, cluster operations, analytics, chat. */
final class Administration {
  /** The sharded entity types the administration starts. */
  static final List<EntityTypeKey<?>> ENTITY_KEYS = List.of(AuditLog.ENTITY_KEY);

  private Administration() {}

  /**
   * Starts the audit log and builds the admin port; {@code entityKeys} are every entity type of the
   * node, for the cluster operations' shard statistics.
   */
  static AdminPort start(
      ActorSystem<?> system,
      BlueMarbleSettings settings,
      Accounts accounts,
      World world,
      EconomyWiring economy,
      StreamProjections.ReadModels readModels,
      Replay journal,
      List<EntityTypeKey<?>> entityKeys) {
    Duration timeout = settings.node().askTimeout();
    AuditLog.init(system);
    AuditJournal audit = new AuditJournal(system, timeout, readModels.audit());
    return new NodeAdmin(
        audit,
        new AccountAdministration(
            system,
            timeout,
            audit,
            accountId ->
                CompletableFuture.supplyAsync(
                    () -> accounts.auth().logins().endAll(accountId), accounts.auth().blocking()),
            economy.accountRecords()),
        new ClusterOperations(system, entityKeys, timeout),
        readModels.analytics(),
        new NodeChatAdmin(system, timeout),
        NodeJournal.start(system, journal),
        new LoadTestAccounts(
            system,
            accounts.directory(),
            new AccountCharacters(system, timeout),
            new LoadTestPort.Place(
                settings.world().spawnLatitudeDeg(), settings.world().spawnLongitudeDeg()),
            world.ground()::elevationMeters,
            accounts.settings().loadTestAccounts()));
  }
}
