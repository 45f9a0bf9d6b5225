package org.bluemarble.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.bluemarble.account.Account;
import org.bluemarble.edge.port.PlayPort;
import org.bluemarble.edge.port.PlayPosition;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.edge.port.Presence;
import org.bluemarble.edge.port.WorldListener;
import org.bluemarble.names.NameDirectory;
import org.bluemarble.zone.Terrain;
import org.bluemarble.zone.ZoneSettings;

/**
 * The node's {@link PlayPort}: accounts and presences through actors, never blocking a caller.
 * Start one per node with {@link #start}.
 */
public final class NodePlayPort implements PlayPort {
  private final ActorSystem<?> system;
  private final ActorRef<Presences.Command> presences;
  private final Duration askTimeout;

  private NodePlayPort(
      ActorSystem<?> system, ActorRef<Presences.Command> presences, Duration askTimeout) {
    this.system = system;
    this.presences = presences;
    this.askTimeout = askTimeout;
  }

  /**
   * Starts the node's presences.
   *
   * @param spawnLatitudeDeg where new characters enter (see {@code bluemarble.world.spawn-*})
   * @param gracePeriod how long a character stays after its connection dropped
   * @param watchdog re-enter from the checkpoint after this long without snapshots
   */
  public static NodePlayPort start(
      ActorSystem<?> system,
      ZoneSettings zone,
      Terrain terrain,
      double spawnLatitudeDeg,
      double spawnLongitudeDeg,
      Duration gracePeriod,
      Duration watchdog,
      Duration askTimeout) {
    PresenceSettings settings =
        new PresenceSettings(
            zone,
            new SpawnPoints(spawnLatitudeDeg, spawnLongitudeDeg, terrain, zone),
            gracePeriod,
            watchdog,
            askTimeout);
    // A takeover waits for the old presence to leave its cell: an ask to the cell and a reply.
    PresenceLease.init(system, askTimeout.multipliedBy(2));
    ActorRef<Presences.Command> ref =
        system.systemActorOf(Presences.create(settings), "presences", Props.empty());
    leaveTheWorldWhenStopping(system, ref);
    return new NodePlayPort(system, ref, askTimeout);
  }

  /**
   * A stopping node takes its presences' characters out of the world before its shard regions hand
   * off (checkpointed where they stand): its presences stop with it, so nothing would take them out
   * after their grace period, and re-entering them would send them to the node's own stopping
   * region when it is the last node. A downed node skips this: its cells are elsewhere already.
   */
  private static void leaveTheWorldWhenStopping(
      ActorSystem<?> system, ActorRef<Presences.Command> presences) {
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    Duration patience =
        Duration.ofMillis(
            shutdown.timeout(CoordinatedShutdown.PhaseBeforeClusterShutdown()).toMillis());
    shutdown.addTask(
        CoordinatedShutdown.PhaseBeforeClusterShutdown(),
        "presences-leave-the-world",
        () -> {
          boolean downed =
              shutdown
                  .getShutdownReason()
                  .filter(r -> r == CoordinatedShutdown.clusterDowningReason())
                  .isPresent();
          if (downed) {
            return CompletableFuture.completedFuture(Done.getInstance());
          }
          return AskPattern.<Presences.Command, Done>ask(
              presences, Presences.NodeStopping::new, patience, system.scheduler());
        });
  }

  @Override
  public CompletionStage<List<String>> characters(String accountId) {
    return ClusterSharding.get(system)
        .entityRefFor(Account.ENTITY_KEY, accountId)
        .<Account.Reply>ask(Account.GetAccount::new, askTimeout)
        .handle(
            (reply, failure) -> {
              if (failure != null) {
                throw new PortException(
                    PortException.Code.UNAVAILABLE,
                    "account " + accountId + " did not answer in " + askTimeout.toMillis() + " ms");
              }
              if (!(reply instanceof Account.Summary s)) {
                return List.<String>of();
              }
              BanCheck.refusal(s, Instant.now())
                  .ifPresent(
                      refusal -> {
                        throw refusal;
                      });
              return List.copyOf(s.characters());
            });
  }

  @Override
  public CompletionStage<Presence> enter(
      String accountId, String playerId, WorldListener listener) {
    CompletableFuture<Presence> result = new CompletableFuture<>();
    presences.tell(new Presences.Enter(accountId, playerId, listener, result));
    // Entering asks the account, the player and the cell in turn.
    long patienceMs = askTimeout.toMillis() * 3;
    return result
        .orTimeout(patienceMs, TimeUnit.MILLISECONDS)
        .exceptionallyCompose(
            failure ->
                CompletableFuture.failedFuture(
                    failure instanceof TimeoutException
                        ? new PortException(
                            PortException.Code.UNAVAILABLE,
                            "the world did not answer in " + patienceMs + " ms")
                        : failure));
  }

  @Override
  public String displayName(long entityId) {
    return NameDirectory.get(system).displayName(entityId);
  }

  @Override
  public CompletionStage<java.util.Optional<String>> lookupDisplayName(long entityId) {
    return NameDirectory.get(system).lookup(entityId);
  }

  @Override
  public CompletionStage<java.util.Optional<PlayPosition>> whereIs(String accountId) {
    return characters(accountId)
        .thenCompose(
            ids -> org.bluemarble.names.OnlinePlayers.get(system).find(Set.copyOf(ids), askTimeout))
        .thenApply(
            seen ->
                seen.map(
                    s -> new PlayPosition(s.latitudeDeg(), s.longitudeDeg(), s.altitudeMeters())));
  }
}
