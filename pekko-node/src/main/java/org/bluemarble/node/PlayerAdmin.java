package org.bluemarble.node;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Source;
import org.bluemarble.account.PlayerViews;
import org.bluemarble.edge.port.PlayerAdminPort;
import org.bluemarble.edge.port.PlayerAdminPort.PlayerSummary;
import org.bluemarble.edge.port.PlayerView;
import org.bluemarble.edge.port.PortException;
import org.bluemarble.node.resilience.JournalReads;
import org.bluemarble.player.Player;

/**
 * The edge's view of players, implemented by asking the sharded {@link Player} entities. Search by
 * name replays the Player events of every slice tag through the JDBC read journal and keeps each
 * character's latest name: a scan per search, fine for an admin tool at today's scale (a name index
 * projection is the step up).
 */
final class PlayerAdmin implements PlayerAdminPort {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;
  private final Duration timeout;
  private final int slices;
  private final PlayerIndex index;

  PlayerAdmin(ActorSystem<?> system, Duration timeout, int slices) {
    this(system, timeout, slices, PlayerIndex.NONE);
  }

  PlayerAdmin(ActorSystem<?> system, Duration timeout, int slices, PlayerIndex index) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
    this.timeout = timeout;
    this.slices = slices;
    this.index = index;
  }

  @Override
  public CompletionStage<List<PlayerSummary>> summaries(String nameContains, int limit) {
    return JournalReads.get(system)
        .guard(() -> index.search(nameContains, limit))
        .thenApply(found -> found.orElse(List.of()));
  }

  /** From the read model's summaries when it is caught up, else by a scan of the journal. */
  @Override
  public CompletionStage<List<PlayerView>> search(String nameContains, int limit) {
    // The read model is in the journal's database, behind the journal reads' breaker like the scan.
    return JournalReads.get(system)
        .guard(() -> index.search(nameContains, limit))
        .thenCompose(
            found ->
                found.isPresent()
                    ? views(found.get().stream().map(PlayerSummary::playerId).toList())
                    : scan(nameContains, limit));
  }

  private CompletionStage<List<PlayerView>> views(List<String> ids) {
    List<CompletableFuture<Optional<PlayerView>>> found =
        ids.stream().map(id -> find(UUID.fromString(id)).toCompletableFuture()).toList();
    return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new))
        .thenApply(
            all -> found.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
  }

  private CompletionStage<List<PlayerView>> scan(String nameContains, int limit) {
    JdbcReadJournal journal =
        PersistenceQuery.get(system)
            .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
    String part = nameContains.toLowerCase(Locale.ROOT);
    Map<String, String> names = new ConcurrentHashMap<>();
    Map<String, Long> order = new ConcurrentHashMap<>();
    return JournalReads.get(system)
        .guard(
            () ->
                Source.range(0, slices - 1)
                    .flatMapConcat(
                        slice ->
                            journal.currentEventsByTag(
                                Player.ENTITY_KEY.name().toLowerCase(Locale.ROOT) + "-" + slice,
                                Offset.noOffset()))
                    .runForeach(
                        envelope -> {
                          if (envelope.event() instanceof Player.CharacterCreated c) {
                            names.put(c.playerId(), c.name());
                            order.put(c.playerId(), c.createdAt().toEpochMilli());
                          } else if (envelope.event() instanceof Player.CharacterRenamed r) {
                            names.put(r.playerId(), r.name());
                          }
                        },
                        system))
        .thenCompose(
            done -> {
              List<CompletableFuture<Optional<PlayerView>>> found =
                  names.entrySet().stream()
                      .filter(e -> e.getValue().toLowerCase(Locale.ROOT).contains(part))
                      .map(Map.Entry::getKey)
                      .sorted(Comparator.comparing(id -> order.getOrDefault(id, 0L)))
                      .limit(limit)
                      .map(id -> find(UUID.fromString(id)).toCompletableFuture())
                      .toList();
              return CompletableFuture.allOf(found.toArray(CompletableFuture[]::new))
                  .thenApply(
                      all ->
                          found.stream()
                              .map(CompletableFuture::join)
                              .flatMap(Optional::stream)
                              .toList());
            });
  }

  @Override
  public CompletionStage<PlayerView> create(String name, String characterClass) {
    String id = UUID.randomUUID().toString();
    return player(id)
        .<Player.Reply>ask(r -> new Player.CreateCharacter(name, characterClass, r), timeout)
        .thenApply(
            reply -> {
              if (reply instanceof Player.Profile p) {
                return view(p);
              }
              Player.Rejected rejected = (Player.Rejected) reply;
              throw new PortException(code(rejected.reason()), rejected.message());
            });
  }

  @Override
  public CompletionStage<Optional<PlayerView>> find(UUID playerId) {
    return player(playerId.toString())
        .<Player.Reply>ask(Player.GetProfile::new, timeout)
        .thenApply(
            reply -> reply instanceof Player.Profile p ? Optional.of(view(p)) : Optional.empty());
  }

  private EntityRef<Player.Command> player(String id) {
    return sharding.entityRefFor(Player.ENTITY_KEY, id);
  }

  private static PortException.Code code(Player.Reason reason) {
    return switch (reason) {
      case INVALID_INPUT -> PortException.Code.INVALID_INPUT;
      case NOT_FOUND -> PortException.Code.NOT_FOUND;
      case ALREADY_EXISTS -> PortException.Code.CONFLICT;
    };
  }

  static PlayerView view(Player.Profile p) {
    return PlayerViews.of(p);
  }
}
